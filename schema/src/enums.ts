/** Domain enums shared by the store, the API and the web app. */

export const ORDER_KINDS = ['SUPPLY', 'SCRAP_RETURN'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

/** EXPECTED: announced for the year (the article's "expected above 10 million"); ACTIVE: being delivered. */
export const ORDER_STATUSES = ['EXPECTED', 'ACTIVE', 'COMPLETED', 'CANCELLED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const SUPPORT_KINDS = ['EQUIPMENT', 'TECHNOLOGY', 'ORDERS', 'MANAGEMENT'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

export const DISTRICT_LEVELS = ['district', 'city', 'zone'] as const;
export type DistrictLevel = (typeof DISTRICT_LEVELS)[number];

export const CAPACITY_UNITS = ['sets', 'pieces', 'tonnes', 'units'] as const;

/** Who a signed-in user is: city level, a district bureau, a district's investment team, or one firm. */
export const ROLES = ['ADMIN', 'BUREAU', 'INVESTMENT', 'FIRM'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Stages of an investment-promotion target: lead (线索) → contacted (接洽) → negotiating (洽谈) →
 * signed (签约) → started construction (开工) → in production (投产); DROPPED (放弃) ends it.
 */
export const TARGET_PROGRESSION = ['LEAD', 'CONTACTED', 'NEGOTIATING', 'SIGNED', 'STARTED', 'PRODUCING'] as const;
export const TARGET_STAGES = [...TARGET_PROGRESSION, 'DROPPED'] as const;
export type TargetStage = (typeof TARGET_STAGES)[number];

/**
 * Stages of an introduction (供需对接) between a buyer and a would-be supplier: proposed (推荐) →
 * introduced (对接) → inspected (考察) → samples and trial (试样) → supplying (供货); DECLINED (未成)
 * ends it with a reason. server/src/introductions/stages.ts holds the rules.
 */
export const INTRODUCTION_PROGRESSION = ['PROPOSED', 'INTRODUCED', 'INSPECTED', 'TRIAL', 'SUPPLYING'] as const;
export const INTRODUCTION_STAGES = [...INTRODUCTION_PROGRESSION, 'DECLINED'] as const;
export type IntroductionStage = (typeof INTRODUCTION_STAGES)[number];

/** Why an introduction came to nothing. */
export const DECLINE_REASONS = ['QUALITY', 'PRICE', 'CAPACITY', 'DISTANCE', 'OTHER'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** Where an introduction came from: a chain gap's candidates, a buyer's need, a supplier search, or by hand. */
export const INTRODUCTION_ORIGINS = ['GAP', 'NEED', 'SEARCH', 'MANUAL'] as const;
export type IntroductionOrigin = (typeof INTRODUCTION_ORIGINS)[number];

/** What a supplier does to reach the buyer's requirements: invest, buy equipment, be mentored, get certified. */
export const PLAN_STEP_KINDS = ['INVESTMENT', 'EQUIPMENT', 'MENTORING', 'CERTIFICATION', 'OTHER'] as const;
export type PlanStepKind = (typeof PLAN_STEP_KINDS)[number];
