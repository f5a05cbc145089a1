import type { Role } from '@yulian/schema';

/** The signed-in person a request acts for; anonymous requests have none. */
export interface Viewer {
  userId: string;
  username: string;
  displayName: string | null;
  role: Role;
  /** The district of a BUREAU or INVESTMENT user. */
  districtCode: string | null;
  /** The firm of a FIRM user. */
  firmId: string | null;
  sessionId: string;
}
