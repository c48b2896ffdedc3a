import { describe, expect, it } from 'vitest';
import { exportStatus, marksProblem, wallClockInput } from './describe';

describe('an export as the page says it', () => {
  it('names each state of its job in words', () => {
    expect(exportStatus({ status: 'queued', progress: 0, error: null, package_bytes: null })).toBe('Export waiting for a worker…');
    expect(exportStatus({ status: 'running', progress: 42, error: null, package_bytes: null })).toBe('Cutting from the originals… 42 %');
    expect(exportStatus({ status: 'completed', progress: 100, error: null, package_bytes: 2048 })).toMatch(/^Package ready \(2(\.0)? KB\), signed$/);
    expect(exportStatus({ status: 'failed', progress: 10, error: 'The original is missing.', package_bytes: null })).toBe(
      'Export failed: The original is missing.',
    );
  });

  it('says what is missing before marks can be exported', () => {
    expect(marksProblem(null, null)).toBe('Mark In (I) and Out (O) in the player first.');
    expect(marksProblem(3, null)).toBe('Mark Out (O) too.');
    expect(marksProblem(null, 3)).toBe('Mark In (I) too.');
    expect(marksProblem(5, 5)).toBe('Out must be after In: mark them again.');
    expect(marksProblem(0, 90_000)).toBe('An export covers at most 24 hours.');
    expect(marksProblem(7, 13)).toBeNull();
  });
});

describe('a window on the mall clock', () => {
  it('writes an instant as the datetime-local value of the mall’s wall clock, DST included', () => {
    expect(wallClockInput(Date.parse('2026-07-01T12:00:05Z'), 'Europe/Berlin')).toBe('2026-07-01T14:00:05');
    expect(wallClockInput(Date.parse('2026-12-01T12:00:05Z'), 'Europe/Berlin')).toBe('2026-12-01T13:00:05');
    expect(wallClockInput(Date.parse('2026-12-01T02:00:00Z'), 'America/New_York')).toBe('2026-11-30T21:00:00');
  });
});
