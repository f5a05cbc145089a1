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
