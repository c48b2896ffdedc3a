import { Breadcrumbs } from '../../components/Breadcrumbs';
import { useMalls } from '../../lib/api/malls';
import { usePins } from '../../lib/api/malls';

/** Breadcrumbs Mall › Pin › page, and whether the pin exists for this user. */
export function usePinContext(mallId: string, pinId: string) {
  const malls = useMalls();
  const pins = usePins(mallId);
  const mall = malls.data?.find((candidate) => candidate.id === mallId);
  const pin = pins.data?.find((candidate) => candidate.id === pinId);
  return {
    mall,
    pin,
    isPending: malls.isPending || (!!mall && pins.isPending),
    missing: (malls.isSuccess && !mall) || (pins.isSuccess && !pin) || pins.isError,
  };
}

export function PinBreadcrumbs({ mallId, pinId, page }: { mallId: string; pinId: string; page: string }) {
  const { mall, pin } = usePinContext(mallId, pinId);
  return (
    <Breadcrumbs
      items={[
        { label: mall?.name ?? 'Mall', to: `/malls/${mallId}` },
        { label: pin?.name ?? 'Pin', to: `/malls/${mallId}/pins/${pinId}/videos` },
        { label: page },
      ]}
    />
  );
}
