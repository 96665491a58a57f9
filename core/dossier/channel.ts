/** How a dossier arrives (`KenhThucHien` of the national portal) and how its result goes back. */

/** Submission channels, in national-code order. */
export const CHANNELS = ['counter', 'online', 'postal'] as const;
/** A submission channel. */
export type Channel = (typeof CHANNELS)[number];

/** The national sync code of each channel. */
export const CHANNEL_SYNC_CODES = { counter: 1, online: 2, postal: 3 } as const satisfies Record<Channel, number>;

/** Vietnamese and English labels of the channels. */
export const CHANNEL_LABELS = {
  counter: { vi: 'Trực tiếp', en: 'At the counter' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  postal: { vi: 'Qua dịch vụ bưu chính công ích', en: 'By public postal service' },
} as const satisfies Record<Channel, { vi: string; en: string }>;

/** True for channels that bring a paper dossier, which the 15:00 hand-over rule applies to. */
export function isPaperChannel(channel: Channel): boolean {
  return channel !== 'online';
}

/** How the result is returned. */
export const RETURN_METHODS = ['counter', 'post', 'online'] as const;
/** A return method. */
export type ReturnMethod = (typeof RETURN_METHODS)[number];

/** Vietnamese and English labels of the return methods. */
export const RETURN_METHOD_LABELS = {
  counter: { vi: 'Nhận trực tiếp tại Bộ phận Một cửa', en: 'Collected at the one-stop counter' },
  post: { vi: 'Qua dịch vụ bưu chính công ích', en: 'By public postal service' },
  online: { vi: 'Trực tuyến (kết quả điện tử)', en: 'Online (electronic result)' },
} as const satisfies Record<ReturnMethod, { vi: string; en: string }>;
