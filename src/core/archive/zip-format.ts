/**
 * The parts of the zip format (PKWARE APPNOTE) our reader and writer share:
 * record signatures, DOS dates, and the limits of zip without ZIP64.
 */
export const SIG = {
  local: 0x04034b50,
  central: 0x02014b50,
  end: 0x06054b50,
  end64: 0x06064b50,
  end64Locator: 0x07064b50,
} as const;

export const METHOD = { store: 0, deflate: 8 } as const;

/** General purpose flag bit 11: names are UTF-8. */
export const FLAG_UTF8 = 0x0800;

/** Made by "UNIX" (3), spec version 2.0: external attributes hold the mode. */
export const MADE_BY_UNIX = (3 << 8) | 20;
export const VERSION_NEEDED = 20;

export const MAX_32 = 0xffffffff;
export const MAX_16 = 0xffff;

/** MS-DOS date and time (local time, 2-second resolution), as zip stores them. */
export function dosDateTime(d: Date): { date: number; time: number } {
  const year = Math.max(1980, Math.min(2107, d.getFullYear()));
  return {
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
  };
}

export function dateFromDos(date: number, time: number): Date {
  return new Date(1980 + (date >> 9), ((date >> 5) & 0xf) - 1, date & 0x1f, time >> 11, (time >> 5) & 0x3f, (time & 0x1f) * 2);
}
