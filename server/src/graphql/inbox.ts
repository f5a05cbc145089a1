import type { DeclineReason } from '@yulian/schema';
import { introductionScopeOf } from '../auth/policy';
import { introductionsWithDetails, type IntroductionView } from '../introductions/service';
import { inboxLine } from '../introductions/words';
import { inboxEvents, inboxReadAt, type IntroductionEventRow } from '../store/queries/introductions';
import { builder } from './builder';
import { badInput } from './errors';
import { IntroductionEventRef, IntroductionRef } from './introduction-refs';
import { requireFirm, requireSegment } from './lookups';
import { LangEnum } from './refs';

/**
 * The in-app inbox: the moves of the introductions that concern the viewer (its firm's; its
 * district's for a bureau; all for an admin), others' moves only, newest first. It is read from the
 * introductions' history, so it cannot disagree with it; what is unread is what came after the
 * time the viewer last marked read. There is no mail server, so this is how firms and bureaus hear.
 */

interface InboxEntry {
  event: IntroductionEventRow;
  introduction: IntroductionView;
  unread: boolean;
}

interface Inbox {
  unread: number;
  items: InboxEntry[];
}

/** Entries read to count the unread: a badge says "50+" beyond it, not an exact figure. */
const UNREAD_WINDOW = 50;
const MAX_FIRST = 100;

const InboxItemRef = builder.objectRef<InboxEntry>('InboxItem').implement({
  fields: (t) => ({
    id: t.id({ resolve: (e) => e.event.id }),
    at: t.string({ resolve: (e) => e.event.at }),
    unread: t.boolean({ resolve: (e) => e.unread }),
    event: t.field({ type: IntroductionEventRef, resolve: (e) => e.event }),
    introduction: t.field({ type: IntroductionRef, resolve: (e) => e.introduction }),
    text: t.string({
      description: 'The entry in words, in the request’s language.',
      args: { lang: t.arg({ type: LangEnum }) },
      resolve: async (e, args, ctx) => {
        const lang = args.lang ?? 'zh';
        const [supplier, buyer, segment] = await Promise.all([
          requireFirm(ctx, e.introduction.row.supplierId),
          requireFirm(ctx, e.introduction.row.buyerId),
          requireSegment(ctx, e.introduction.row.segmentCode),
        ]);
        const name = (f: typeof supplier) => (lang === 'zh' ? (f.shortNameZh ?? f.nameZh) : (f.shortNameEn ?? f.nameEn ?? f.nameZh));
        return inboxLine(
          {
            actor: e.event.actor, supplier: name(supplier), buyer: name(buyer), segment: lang === 'zh' ? segment.nameZh : segment.nameEn,
            stage: e.event.stage, fromStage: e.event.fromStage, planChange: e.event.planChange === true, reason: (e.event.reason as DeclineReason | null) ?? null,
          },
          lang,
        );
      },
    }),
  }),
});

const InboxRef = builder.objectRef<Inbox>('Inbox').implement({
  fields: (t) => ({
    unread: t.exposeInt('unread', { description: `Unread entries, counted up to ${UNREAD_WINDOW}.` }),
    items: t.field({ type: [InboxItemRef], resolve: (i) => i.items }),
  }),
});

builder.queryFields((t) => ({
  inbox: t.field({
    type: InboxRef,
    description: 'News of the introductions that concern the viewer, newest first. Empty for investment teams, who follow none.',
    authScopes: { signedIn: true },
    args: { first: t.arg.int({ defaultValue: 20 }) },
    resolve: async (_root, args, ctx) => {
      const viewer = ctx.viewer;
      const first = args.first ?? 20;
      if (first < 1 || first > MAX_FIRST) throw badInput('first', `must be between 1 and ${MAX_FIRST}`);
      const scope = introductionScopeOf(viewer);
      if (!viewer || scope === 'none') return { unread: 0, items: [] };
      const events = await ctx.store.read(
        inboxEvents({
          firmId: scope && 'firmIds' in scope ? scope.firmIds[0] : null,
          districtCodes: scope && 'districtCodes' in scope ? scope.districtCodes : null,
          exceptActor: viewer.username,
          limit: Math.max(first, UNREAD_WINDOW),
        }),
      );
      const [read] = await ctx.store.read(inboxReadAt(viewer.userId));
      const readAt = read?.at ?? '';
      const shown = events.slice(0, first);
      const views = new Map((await introductionsWithDetails(ctx.store, { ids: [...new Set(shown.map((e) => e.introductionId))] })).map((v) => [v.row.id, v]));
      const items = shown.flatMap((event) => {
        const introduction = views.get(event.introductionId);
        return introduction ? [{ event, introduction, unread: event.at > readAt }] : [];
      });
      return { unread: events.filter((e) => e.at > readAt).length, items };
    },
  }),
}));
