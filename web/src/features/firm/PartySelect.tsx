import { useState } from 'react';
import { Select } from 'antd';
import type { FirmRef } from '../../api/firm';
import { useQuery } from '../../api/useQuery';
import { useI18n } from '../../i18n/I18nProvider';
import { shortName } from '../../lib/names';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { PARTY_SEARCH_QUERY, type PartyOption } from './operations';

const SHOWN = 20;

/**
 * Chooses the other party of an order by searching firm names as one types. Used inside a
 * Form.Item, which gives it `id` (for the label), `value` and `onChange`.
 */
export function PartySelect({ id, value, onChange, firmId, initial, placeholder }: {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  /** The firm whose order it is: it cannot trade with itself. */
  firmId: string;
  /** The party an existing order has, shown before any search. */
  initial: FirmRef | null;
  placeholder: string;
}) {
  const { pick } = useI18n();
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search.trim(), 250);
  const found = useQuery(PARTY_SEARCH_QUERY, { search: query, first: SHOWN });
  // The chosen firm stays an option while later searches no longer find it.
  const [chosen, setChosen] = useState<FirmRef | null>(initial);

  const firms: (FirmRef & { district?: PartyOption['district'] })[] = [...(chosen ? [chosen] : []), ...(found.data?.firms.edges.map((e) => e.node) ?? [])];
  const seen = new Set<string>([firmId]);
  const options = firms.flatMap((f) => {
    if (seen.has(f.id)) return [];
    seen.add(f.id);
    const district = f.district ? ` · ${pick(f.district.nameZh, f.district.nameEn)}` : '';
    return [{ value: f.id, label: `${shortName(f, pick)}${district}`, firm: f }];
  });

  return (
    <Select
      id={id}
      value={value}
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={found.status === 'loading'}
      options={options}
      onChange={(next: string, option) => {
        if (option && !Array.isArray(option)) setChosen(option.firm);
        onChange?.(next);
      }}
    />
  );
}
