import { useState } from 'react';
import type { FormInstance } from 'antd';
import { explainReason } from './reasons';
import { readRefusal } from './refusal';
import { useFirmText } from './useFirmText';

/**
 * Runs a form's save. A refusal that names a field is shown on that field and, in words with the
 * field's label, above the buttons; any other failure only above the buttons. The panel is left
 * as it was until the save succeeds: then `onSaved` lets the caller refresh it.
 */
export function useFormSave<V, F extends string & keyof V>(
  form: FormInstance<V>,
  fieldOf: Readonly<Partial<Record<string, F>>>,
  labelOf: (field: F) => string,
  /** Fields typed as percentages, whose limits the server states as shares. */
  percentFields: readonly F[] = [],
) {
  const { ft, lang } = useFirmText();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const save = async (action: () => Promise<unknown>, onSaved: () => void) => {
    setSaving(true);
    setProblem(null);
    try {
      await action();
      onSaved();
    } catch (error) {
      const refusal = readRefusal(error, fieldOf);
      if (refusal.field) {
        const reason = explainReason(refusal.reason, lang, percentFields.includes(refusal.field));
        form.setFields([{ name: refusal.field, errors: [reason] } as Parameters<FormInstance<V>['setFields']>[0][number]]);
        setProblem(ft('refused', { field: labelOf(refusal.field), reason }));
      } else {
        setProblem(ft('failed', { message: refusal.reason }));
      }
    } finally {
      setSaving(false);
    }
  };

  return { saving, problem, save };
}
