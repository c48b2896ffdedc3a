import { afterEach, describe, expect, it } from 'vitest';
import { may } from './authorization';
import { session } from './session';

describe('may', () => {
  afterEach(() => sessionStorage.clear());

  it('lets operators and admins upload and change videos, and only admins administer', () => {
    expect(may('upload', 'OPERATOR')).toBe(true);
    expect(may('changeVideos', 'ADMIN')).toBe(true);
    expect(may('administer', 'ADMIN')).toBe(true);
    expect(may('administer', 'OPERATOR')).toBe(false);
  });

  it('lets a viewer only watch', () => {
    expect(may('upload', 'VIEWER')).toBe(false);
    expect(may('changeVideos', 'VIEWER')).toBe(false);
    expect(may('administer', 'VIEWER')).toBe(false);
  });

  it('reads the signed-in user, and lets nobody signed in do anything', () => {
    expect(may('upload')).toBe(false);
    session.save('token', { id: 'u', email: 'o@example.com', role: 'OPERATOR', mall_ids: [], created_at: '', disabled: false });
    expect(may('upload')).toBe(true);
    expect(may('administer')).toBe(false);
  });
});
