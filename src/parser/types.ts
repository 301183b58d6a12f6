/**
 * The structure a *Thông báo kết luận* parses into. It is the `dondoc parse --json` contract of
 * DESIGN.md section 7: dates are ISO `YYYY-MM-DD` strings (calendar dates in the notice's own
 * time zone, never instants), and every field the text does not give is `null`, not guessed.
 */
export interface ParsedNotice {
  notice: NoticeMetadata & {
    /** The locality the notice is about, with its level (`xã Bình Sơn`), or null when none stands out. */
    locality: string | null;
  };
  /** Unit phrases the notice asks to act (its lead-in's request, or its closing's), which directives naming no unit fall to. */
  addressee: string[];
  directives: ParsedDirective[];
  schedules: ParsedSchedule[];
  /** Things a secretary should check in the preview, in Vietnamese. */
  warnings: string[];
}

export interface NoticeMetadata {
  /** `412/TB-UBND`, `87-TB/HU`; null when the number is left blank (`Số:   /TB-BCĐ`). */
  number: string | null;
  /** The issuing body, from the header (`BAN CHỈ ĐẠO … HUYỆN TRIỆU SƠN`). */
  issuer: string | null;
  issuedOn: string | null;
  meetingOn: string | null;
  title: string | null;
  signer: string | null;
  /** The `Nơi nhận:` list, one entry per line, bullets removed. */
  recipients: string[];
}

export interface ParsedDirective {
  /** As written, without trailing punctuation: `3`, `3.a`, `(2)` → `2`, `II.1`. */
  ordinal: string;
  text: string;
  /** Unit phrases as they appear in the text (chủ trì). */
  lead: string[];
  /** Unit phrases as they appear in the text (phối hợp). */
  support: string[];
  /** People named as leads (`đồng chí Lê Phú Quốc - HUV, …` → `Lê Phú Quốc`); they are not in `lead`. */
  persons?: string[];
  /**
   * Where `lead` came from: the directive's own words, its parent item (`Giao X:` or `Đối với
   * Sở X:` over sub-items), a task table's Đơn vị chủ trì cell, or the notice's addressee
   * because the directive names no unit.
   */
  leadSource?: 'text' | 'parent' | 'addressee' | 'none' | 'table';
  due: string | null;
  /** `HH:mm` when the deadline names an hour (`trước 17 giờ 00 ngày 05/9/2024`). */
  dueTime?: string | null;
  /** The words the deadline came from, or null when the directive has none. */
  dueText: string | null;
  dueKind: DueKind;
  recurrence: Recurrence | null;
}

export type DueKind = 'date' | 'month' | 'quarter' | 'half-year' | 'year' | 'immediate' | 'recurring' | 'none';

/** A repeating duty (`thường xuyên` has none; `hằng tháng`, several milestones have one). */
export interface Recurrence {
  /** `monthly`, `quarterly`, `weekly` (`thứ Sáu hằng tuần`), `milestones` (several named dates) or `ongoing`. */
  kind: 'monthly' | 'quarterly' | 'weekly' | 'milestones' | 'ongoing';
  /** For `monthly`: days of the month (31 or 30 in a short month mean its last day). */
  daysOfMonth?: number[];
  /** For `milestones`: each ISO date. */
  dates?: string[];
  text: string;
}

export interface ParsedSchedule {
  text: string;
  /** Who reports, as unit phrases. */
  reporters: string[];
  /** To whom (`Ban chỉ đạo huyện qua Văn phòng NTM huyện`), or null. */
  recipient: string | null;
  /** Days of the month the report is due; `[]` for a rule with no fixed day. */
  daysOfMonth: number[];
  /** A short machine-readable rule: `monthly:14,28`, `monthly:last`, `quarterly:last-month:10`, `before-monthly:20`, `weekly:fri`. */
  rule: string;
  /** `report` (units report) or `consolidate` (the office consolidates and reports upward). */
  kind: 'report' | 'consolidate';
}
