import { Select } from 'antd';
import { memo, useId } from 'react';
import type { LeaderOption } from '../../api/reference';
import type { District, Segment } from '../../api/queries';
import { useI18n } from '../../i18n/I18nProvider';
import type { MapView } from '../../routing/mapView';
import { YEARS } from '../../routing/mapView';

export interface MapFiltersProps {
  view: MapView;
  districts: readonly District[];
  segments: readonly Segment[];
  leaders: readonly LeaderOption[];
  onChange(patch: Partial<MapView>): void;
}

/** The map's filters: every control is a labelled form control, reachable by keyboard. */
export const MapFilters = memo(function MapFilters({ view, districts, segments, leaders, onChange }: MapFiltersProps) {
  const { t, pick } = useI18n();
  const id = useId();
  return (
    <form className="filters" aria-label={t('map.filters')} onSubmit={(e) => e.preventDefault()}>
      <div className="filters__field">
        <label htmlFor={`${id}-year`}>{t('filter.year')}</label>
        <select id={`${id}-year`} data-testid="year-select" value={view.year} onChange={(e) => onChange({ year: Number(e.target.value) })}>
          {YEARS.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__field filters__field--wide">
        <label htmlFor={`${id}-districts`}>{t('filter.districts')}</label>
        <Select
          id={`${id}-districts`}
          data-testid="district-filter"
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('filter.all')}
          disabled={view.leaderId !== null}
          value={view.districtCodes}
          onChange={(codes: string[]) => onChange({ districtCodes: codes })}
          options={districts.map((d) => ({ value: d.code, label: pick(d.nameZh, d.nameEn) }))}
          optionFilterProp="label"
          style={{ minWidth: 200 }}
        />
      </div>
      <div className="filters__field filters__field--wide">
        <label htmlFor={`${id}-segments`}>{t('filter.segments')}</label>
        <Select
          id={`${id}-segments`}
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('filter.all')}
          value={view.segmentCodes}
          onChange={(codes: string[]) => onChange({ segmentCodes: codes })}
          options={segments.map((s) => ({ value: s.code, label: pick(s.nameZh, s.nameEn) }))}
          optionFilterProp="label"
          style={{ minWidth: 200 }}
        />
      </div>
      <div className="filters__field">
        <label htmlFor={`${id}-leader`}>{t('filter.leader')}</label>
        <select id={`${id}-leader`} data-testid="leader-select" value={view.leaderId ?? ''} onChange={(e) => onChange({ leaderId: e.target.value || null })}>
          <option value="">{t('filter.noLeader')}</option>
          {leaders.map((l) => (
            <option key={l.id} value={l.id}>
              {pick(l.shortNameZh ?? l.nameZh, l.shortNameEn ?? l.nameEn)}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__field">
        <label htmlFor={`${id}-tiers`}>{t('filter.tiers')}</label>
        <select id={`${id}-tiers`} value={view.tiers} disabled={view.leaderId === null} onChange={(e) => onChange({ tiers: Number(e.target.value) })}>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="filters__toggles">
        <legend className="visually-hidden">{t('filter.links')}</legend>
        <label>
          <input type="checkbox" data-testid="toggle-scrap" checked={view.includeScrap} onChange={(e) => onChange({ includeScrap: e.target.checked })} />
          {t('filter.scrap')}
        </label>
        <label>
          <input type="checkbox" data-testid="toggle-support" checked={view.includeSupport} onChange={(e) => onChange({ includeSupport: e.target.checked })} />
          {t('filter.support')}
        </label>
      </fieldset>
      <fieldset className="filters__toggles">
        <legend>{t('filter.layout')}</legend>
        <label>
          <input type="radio" name={`${id}-layout`} data-testid="layout-fcose" checked={view.layout === 'fcose'} onChange={() => onChange({ layout: 'fcose' })} />
          {t('layout.fcose')}
        </label>
        <label>
          <input type="radio" name={`${id}-layout`} data-testid="layout-geo" checked={view.layout === 'geo'} onChange={() => onChange({ layout: 'geo' })} />
          {t('layout.geo')}
        </label>
      </fieldset>
    </form>
  );
});
