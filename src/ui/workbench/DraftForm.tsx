/**
 * The workbench's form for the fields an instructor changes most: story and objectives in both
 * languages, the game's size, budget and staff, the rival, tiers, segments, events and choice
 * cards. It shows the draft as parsed, and writes each field into the editor's text where the
 * field is (src/scenario/jsonEdit.ts), so the editor and the form are one document.
 */
import './messages'; // registers the 'workbench' messages (they load with this screen)
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PathSegment } from '../../scenario/problem';
import { pickText, type Lang } from '../../sim/text';
import { appendDraftItem, removeDraftItem, setDraftField } from '../../store/workbench';

type Doc = Record<string, unknown>;
type Path = readonly PathSegment[];

const isObj = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);
function at(doc: unknown, path: Path): unknown {
  let v = doc;
  for (const seg of path) v = isObj(v) || Array.isArray(v) ? (v as Record<string | number, unknown>)[seg] : undefined;
  return v;
}
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A number field: what is typed stays as typed; a number is written into the draft once it reads as one. */
function NumberField({ doc, path, label, lang, step }: { doc: unknown; path: Path; label: string; lang: Lang; step?: number }) {
  const id = useId();
  const value = at(doc, path);
  const shown = typeof value === 'number' ? String(value) : '';
  const [typed, setTyped] = useState(shown);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setTyped(shown);
  }, [shown, focused]);
  return (
    <label htmlFor={id} className="wb-field">
      <span>{label}</span>
      <input
        id={id}
        type="number"
        step={step ?? 'any'}
        value={typed}
        data-path={path.join('.')}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onChange={(e) => {
          setTyped(e.target.value);
          const n = e.target.valueAsNumber;
          if (e.target.value.trim() !== '' && Number.isFinite(n)) setDraftField(path, n, lang);
        }}
      />
    </label>
  );
}

function TextField({ doc, path, label, lang, long }: { doc: unknown; path: Path; label: string; lang: Lang; long?: boolean }) {
  const id = useId();
  const value = str(at(doc, path));
  const common = {
    id,
    value,
    'data-path': path.join('.'),
    onChange: (e: { target: { value: string } }) => setDraftField(path, e.target.value, lang),
  };
  return (
    <label htmlFor={id} className="wb-field">
      <span>{label}</span>
      {long ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
    </label>
  );
}

/** A learner-facing text in both languages. */
function LocalField({ doc, path, label, lang, long }: { doc: unknown; path: Path; label: string; lang: Lang; long?: boolean }) {
  const { t } = useTranslation('workbench');
  return (
    <fieldset className="wb-local">
      <legend>{label}</legend>
      <TextField doc={doc} path={[...path, 'en']} label={t('form.en')} lang={lang} long={long} />
      <TextField doc={doc} path={[...path, 'zh-CN']} label={t('form.zh')} lang={lang} long={long} />
    </fieldset>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="wb-form-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

function RemoveButton({ path, what, lang }: { path: Path; what: string; lang: Lang }) {
  const { t } = useTranslation('workbench');
  return (
    <button type="button" className="wb-remove" aria-label={t('form.removeWhat', { what })} onClick={() => removeDraftItem(path, lang)}>
      {t('form.remove')}
    </button>
  );
}

/** A new id for a list's item: `base`, or `base-2`, `base-3`… not yet taken. */
function freshId(items: readonly unknown[], base: string): string {
  const taken = new Set(items.map((x) => (isObj(x) ? str(x.id) : '')));
  if (!taken.has(base)) return base;
  for (let k = 2; ; k++) if (!taken.has(`${base}-${k}`)) return `${base}-${k}`;
}

export function DraftForm({ doc, lang }: { doc: unknown; lang: Lang }) {
  const { t } = useTranslation('workbench');
  if (!isObj(doc)) return <p className="wb-note" data-testid="wb-form-notjson">{t('form.notJson')}</p>;
  const events = list(doc.events);
  const tiers = list(doc.tiers);
  const segments = list(at(doc, ['population', 'segments']));
  const objectives = list(doc.objectives);
  const rounds = typeof doc.rounds === 'number' ? doc.rounds : 8;
  const isCard = (e: unknown) => isObj(e) && Array.isArray(e.options) && e.options.length > 0;
  const titleOf = (v: unknown, fallback: string) => (isObj(v) ? pickText(v as { en?: string; 'zh-CN'?: string }, lang) || fallback : fallback);

  const eventRows = (cards: boolean) =>
    events
      .map((e, i) => ({ e, i }))
      .filter(({ e }) => isCard(e) === cards)
      .map(({ e, i }) => {
        const ev = e as Doc;
        const name = titleOf(ev.title, str(ev.id));
        return (
          <fieldset key={`${i}-${str(ev.id)}`} className="wb-item" data-testid={cards ? 'wb-card' : 'wb-event'}>
            <legend>
              {name} <code>{str(ev.id)}</code>
            </legend>
            <div className="wb-item-head">
              <NumberField doc={doc} path={['events', i, 'round']} label={t('form.round')} lang={lang} step={1} />
              {cards && <span className="muted">{t('form.options', { count: list(ev.options).length })}</span>}
              <RemoveButton path={['events', i]} what={name} lang={lang} />
            </div>
            <LocalField doc={doc} path={['events', i, 'title']} label={t('form.eventTitle')} lang={lang} />
            <LocalField doc={doc} path={['events', i, 'text']} label={t('form.eventText')} lang={lang} long />
            <p className="muted">{t('form.effectsHelp')}</p>
          </fieldset>
        );
      });

  const newEvent = () =>
    appendDraftItem(['events'], {
      id: freshId(events, 'new-event'),
      round: Math.min(2, rounds),
      title: { en: t('form.newEvent.en'), 'zh-CN': t('form.newEvent.zh') },
      text: { en: t('form.newEvent.textEn'), 'zh-CN': t('form.newEvent.textZh') },
      effects: [],
    }, lang);
  const newCard = () =>
    appendDraftItem(['events'], {
      id: freshId(events, 'new-card'),
      round: Math.min(2, rounds),
      title: { en: t('form.newCard.en'), 'zh-CN': t('form.newCard.zh') },
      text: { en: t('form.newCard.textEn'), 'zh-CN': t('form.newCard.textZh') },
      effects: [],
      options: [
        { id: 'a', label: { en: t('form.newCard.a'), 'zh-CN': t('form.newCard.aZh') }, effects: [] },
        { id: 'b', label: { en: t('form.newCard.b'), 'zh-CN': t('form.newCard.bZh') }, effects: [] },
      ],
      defaultOption: 'a',
    }, lang);
  const newObjective = () =>
    appendDraftItem(['objectives'], {
      id: freshId(objectives, 'new-objective'),
      text: { en: t('form.newObjective.en'), 'zh-CN': t('form.newObjective.zh') },
      kpi: 'retention',
      op: '>=',
      target: 0.85,
      points: 10,
    }, lang);

  return (
    <div className="wb-form" data-testid="wb-form">
      <Section title={t('form.story')}>
        <LocalField doc={doc} path={['title']} label={t('form.titleField')} lang={lang} />
        <LocalField doc={doc} path={['description']} label={t('form.description')} lang={lang} long />
        <LocalField doc={doc} path={['briefing']} label={t('form.briefing')} lang={lang} long />
      </Section>
      <Section title={t('form.game')}>
        <div className="wb-grid">
          <NumberField doc={doc} path={['rounds']} label={t('form.rounds')} lang={lang} step={1} />
          <TextField doc={doc} path={['currency']} label={t('form.currency')} lang={lang} />
          <NumberField doc={doc} path={['population', 'size']} label={t('form.customers')} lang={lang} step={1} />
          <NumberField doc={doc} path={['difficulty']} label={t('form.difficulty')} lang={lang} step={1} />
        </div>
      </Section>
      <Section title={t('form.firm')}>
        <div className="wb-grid">
          <NumberField doc={doc} path={['firm', 'cash']} label={t('form.cash')} lang={lang} />
          <NumberField doc={doc} path={['firm', 'budget', 'base']} label={t('form.budgetBase')} lang={lang} />
          <NumberField doc={doc} path={['firm', 'budget', 'reinvest']} label={t('form.reinvest')} lang={lang} step={0.05} />
          <NumberField doc={doc} path={['firm', 'headcount']} label={t('form.headcount')} lang={lang} step={1} />
          <NumberField doc={doc} path={['firm', 'hoursPerStaff']} label={t('form.hoursPerStaff')} lang={lang} />
          <NumberField doc={doc} path={['firm', 'wage']} label={t('form.wage')} lang={lang} />
          <NumberField doc={doc} path={['firm', 'fixedCosts']} label={t('form.fixedCosts')} lang={lang} />
        </div>
      </Section>
      <Section title={t('form.rival')}>
        <div className="wb-grid">
          <NumberField doc={doc} path={['rival', 'pressure']} label={t('form.pressure')} lang={lang} step={0.05} />
          <NumberField doc={doc} path={['rival', 'priceIndex']} label={t('form.priceIndex')} lang={lang} step={0.01} />
        </div>
      </Section>
      <Section title={t('form.tiers')}>
        {tiers.map((tier, i) => (
          <LocalField key={i} doc={doc} path={['tiers', i, 'name']} label={t('form.tierName', { n: i + 1, id: isObj(tier) ? str(tier.id) : '' })} lang={lang} />
        ))}
      </Section>
      <Section title={t('form.segments')}>
        {segments.map((seg, i) => (
          <fieldset key={i} className="wb-item">
            <legend>{t('form.segmentName', { id: isObj(seg) ? str(seg.id) : '' })}</legend>
            <LocalField doc={doc} path={['population', 'segments', i, 'name']} label={t('form.titleField')} lang={lang} />
            <NumberField doc={doc} path={['population', 'segments', i, 'share']} label={t('form.share')} lang={lang} step={0.01} />
          </fieldset>
        ))}
      </Section>
      <Section title={t('form.events')}>
        {eventRows(false)}
        {events.filter((e) => !isCard(e)).length === 0 && <p className="muted">{t('form.none')}</p>}
        <button type="button" data-testid="wb-add-event" onClick={newEvent}>
          {t('form.addEvent')}
        </button>
      </Section>
      <Section title={t('form.cards')}>
        {eventRows(true)}
        {events.filter(isCard).length === 0 && <p className="muted">{t('form.none')}</p>}
        <button type="button" data-testid="wb-add-card" onClick={newCard}>
          {t('form.addCard')}
        </button>
      </Section>
      <Section title={t('form.objectives')}>
        {objectives.map((o, i) => {
          const name = titleOf(isObj(o) ? o.text : null, isObj(o) ? str(o.id) : '');
          return (
            <fieldset key={`${i}-${isObj(o) ? str(o.id) : ''}`} className="wb-item" data-testid="wb-objective">
              <legend>
                <code>{isObj(o) ? str(o.id) : ''}</code> {isObj(o) ? `${str(o.kpi)} ${str(o.op)}` : ''}
              </legend>
              <LocalField doc={doc} path={['objectives', i, 'text']} label={t('form.objectiveText')} lang={lang} />
              <div className="wb-item-head">
                <NumberField doc={doc} path={['objectives', i, 'target']} label={t('form.target')} lang={lang} />
                <NumberField doc={doc} path={['objectives', i, 'points']} label={t('form.points')} lang={lang} />
                <RemoveButton path={['objectives', i]} what={name} lang={lang} />
              </div>
            </fieldset>
          );
        })}
        {objectives.length === 0 && <p className="muted">{t('form.none')}</p>}
        <button type="button" data-testid="wb-add-objective" onClick={newObjective}>
          {t('form.addObjective')}
        </button>
      </Section>
    </div>
  );
}
