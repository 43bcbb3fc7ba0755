/**
 * A compact ICC profile of sRGB (IEC 61966-2.1) for the PDF/A output intent: version 2.1, display class, the sRGB
 * primaries adapted to D50 and the D65 white point as in the usual sRGB IEC61966-2.1 profile, and one tone curve
 * of 64 points shared by the three channels (every 8-bit value goes through it and back to itself), in 658 bytes
 * instead of about 3 KB.
 */

/** The number of points of the tone curve. */
export const TONE_CURVE_POINTS = 64;

/** The sRGB transfer function, from encoded value to linear light (both 0–1). */
export function srgbToLinear(v: number): number {
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

let profile: Uint8Array | undefined;

/** The profile's bytes (built once). */
export function srgbProfile(): Uint8Array {
  profile ??= buildProfile();
  return profile;
}

const s15Fixed16 = (v: number) => Math.round(v * 65536);

function buildProfile(): Uint8Array {
  const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
  // Tag data, each padded to four bytes. 'desc' (textDescriptionType): ASCII name, no Unicode, no ScriptCode name.
  const desc = [...ascii('desc'), 0, 0, 0, 0, ...u32(5), ...ascii('sRGB'), 0, ...u32(0), ...u32(0), 0, 0, 0, ...new Array<number>(67).fill(0)];
  const cprt = [...ascii('text'), 0, 0, 0, 0, ...ascii('No copyright, use freely'), 0];
  const xyz = (x: number, y: number, z: number) => [...ascii('XYZ '), 0, 0, 0, 0, ...u32(s15Fixed16(x)), ...u32(s15Fixed16(y)), ...u32(s15Fixed16(z))];
  const curve = [...ascii('curv'), 0, 0, 0, 0, ...u32(TONE_CURVE_POINTS)];
  for (let i = 0; i < TONE_CURVE_POINTS; i++) curve.push(...u16(Math.round(srgbToLinear(i / (TONE_CURVE_POINTS - 1)) * 65535)));
  const data: [string, number[]][] = [
    ['desc', desc],
    ['cprt', cprt],
    ['wtpt', xyz(0.950455, 1, 1.08905)],
    ['rXYZ', xyz(0.436066, 0.222488, 0.013916)],
    ['gXYZ', xyz(0.385147, 0.716873, 0.097076)],
    ['bXYZ', xyz(0.143066, 0.060608, 0.714096)],
    ['rTRC', curve],
  ];
  const tags: [string, string][] = [...data.map(([t]) => [t, t] as [string, string]), ['gTRC', 'rTRC'], ['bTRC', 'rTRC']];
  const tableSize = 4 + 12 * tags.length;
  const offsets = new Map<string, { offset: number; size: number }>();
  let at = 128 + tableSize;
  for (const [tag, bytes] of data) {
    offsets.set(tag, { offset: at, size: bytes.length });
    at += (bytes.length + 3) & ~3;
  }
  const out = new Uint8Array(at);
  const view = new DataView(out.buffer);
  // Header (ICC.1:2001-04 §6.1).
  view.setUint32(0, at);
  view.setUint32(8, 0x02100000); // version 2.1.0
  out.set(ascii('mntr'), 12);
  out.set(ascii('RGB '), 16);
  out.set(ascii('XYZ '), 20);
  [2025, 1, 1, 0, 0, 0].forEach((v, i) => view.setUint16(24 + 2 * i, v));
  out.set(ascii('acsp'), 36);
  view.setUint32(64, 0); // perceptual
  view.setUint32(68, s15Fixed16(0.9642)); // the PCS illuminant, D50
  view.setUint32(72, s15Fixed16(1));
  view.setUint32(76, s15Fixed16(0.8249));
  // Tag table, then the tag data.
  view.setUint32(128, tags.length);
  tags.forEach(([tag, source], i) => {
    const { offset, size } = offsets.get(source)!;
    out.set(ascii(tag), 132 + 12 * i);
    view.setUint32(136 + 12 * i, offset);
    view.setUint32(140 + 12 * i, size);
  });
  for (const [tag, bytes] of data) out.set(bytes, offsets.get(tag)!.offset);
  return out;
}

function u32(v: number): number[] {
  return [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
}

function u16(v: number): number[] {
  return [(v >>> 8) & 255, v & 255];
}
