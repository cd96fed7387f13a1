/**
 * The door's camera: the rear camera in a panel, each QR it sees handed to the check-in page once
 * (the same code held in view is not taken again until it has been out of view a few seconds),
 * and the page's answer shown large, with a short tone and a vibration so the door keeper need not
 * look down. Decoding uses the browser's BarcodeDetector where there is one (Android Chrome) and
 * jsQR otherwise, loaded only now: the first load of the check-in page carries neither.
 */
import { fill, h } from '../dom.ts';
import { t } from './texts.ts';

/** What the page made of a scan: checked in now, present already, or refused (and why). */
export interface ScanOutcome {
  kind: 'ok' | 'already' | 'bad';
  title: string;
  detail?: string;
}

export interface ScannerOptions {
  /** Where the panel is drawn. */
  host: HTMLElement;
  /** What a decoded QR text means for this door. */
  handle: (text: string) => Promise<ScanOutcome>;
  /** Called when the person closes the camera. */
  closed: () => void;
}

/** A code seen again within this time is the same scan still in view. */
const SAME_CODE_MS = 4000;
/** Frames are looked at this often: enough for a hand-held pass, light on a cheap phone. */
const EVERY_MS = 150;
/** jsQR reads a frame shrunk to this long side (a pass fills much of the view). */
const DECODE_SIDE = 640;

type Decode = (video: HTMLVideoElement) => Promise<string | null>;

interface DetectorLike {
  detect(source: HTMLVideoElement): Promise<Array<{ rawValue: string }>>;
}
interface DetectorClass {
  new (options: { formats: string[] }): DetectorLike;
  getSupportedFormats?: () => Promise<string[]>;
}

async function decoder(): Promise<Decode> {
  const Detector = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (Detector) {
    try {
      const formats = (await Detector.getSupportedFormats?.()) ?? ['qr_code'];
      if (formats.includes('qr_code')) {
        const detector = new Detector({ formats: ['qr_code'] });
        return async (video) => (await detector.detect(video))[0]?.rawValue ?? null;
      }
    } catch {
      // Fall back to the JS decoder below.
    }
  }
  const { default: jsQR } = await import('jsqr');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return async (video) => {
    const width = video.videoWidth;
    const height = video.videoHeight;
    if (!context || width === 0 || height === 0) return null;
    const scale = Math.min(1, DECODE_SIDE / Math.max(width, height));
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(image.data, canvas.width, canvas.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
  };
}

/** A short tone: high for a check-in, low and longer for anything else. */
function tone(audio: AudioContext | null, good: boolean): void {
  if (!audio) return;
  try {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = good ? 1046 : 262;
    gain.gain.value = 0.2;
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + (good ? 0.12 : 0.4));
  } catch {
    // No sound on this phone; the screen and the vibration still say it.
  }
}

function vibrate(good: boolean): void {
  try {
    navigator.vibrate?.(good ? 80 : [90, 60, 90]);
  } catch {
    // No vibration motor, or not allowed.
  }
}

/** Opens the camera in `host`; answers a function that stops it (the page calls it when left). */
export async function openScanner(options: ScannerOptions): Promise<() => void> {
  const { host } = options;
  const video = h('video', { class: 'scan-video', playsinline: true, autoplay: true, muted: true });
  video.muted = true;
  const result = h(
    'div',
    { class: 'scan-result', role: 'status', 'aria-live': 'assertive' },
    t('checkIn.scan.starting'),
  );
  let stopped = false;
  let stream: MediaStream | null = null;
  let timer = 0;
  const AudioClass =
    globalThis.AudioContext ?? (globalThis as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  let audio: AudioContext | null = null;
  try {
    audio = AudioClass ? new AudioClass() : null;
  } catch {
    audio = null;
  }

  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    for (const track of stream?.getTracks() ?? []) track.stop();
    video.srcObject = null;
    void audio?.close().catch(() => undefined);
  };
  const close = h('button', { type: 'button', class: 'secondary' }, t('checkIn.scan.close'));
  close.addEventListener('click', () => {
    stop();
    options.closed();
  });
  fill(
    host,
    h('h2', null, t('checkIn.scan.title')),
    h('p', { class: 'meta' }, t('checkIn.scan.hint')),
    h('div', { class: 'scan-frame' }, video),
    result,
    close,
  );

  const show = (outcome: ScanOutcome) => {
    result.className = `scan-result ${outcome.kind}`;
    fill(result, h('strong', null, outcome.title), outcome.detail ? h('span', null, outcome.detail) : null);
  };

  try {
    stream = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
      audio: false,
    });
  } catch {
    show({ kind: 'bad', title: t('checkIn.scan.noCamera') });
    return stop;
  }
  if (stopped) {
    stop();
    return stop;
  }
  video.srcObject = stream;
  await video.play().catch(() => undefined);
  void audio?.resume().catch(() => undefined);
  let decode: Decode;
  try {
    decode = await decoder();
  } catch {
    show({ kind: 'bad', title: t('error.network') });
    return stop;
  }
  fill(result, t('checkIn.scan.hint'));

  let lastCode = '';
  let lastSeen = 0;
  const look = async () => {
    if (stopped) return;
    let code: string | null = null;
    try {
      code = await decode(video);
    } catch {
      code = null;
    }
    const now = Date.now();
    if (code && !(code === lastCode && now - lastSeen < SAME_CODE_MS)) {
      lastCode = code;
      lastSeen = now;
      const outcome = await options.handle(code);
      if (stopped) return;
      show(outcome);
      tone(audio, outcome.kind === 'ok');
      vibrate(outcome.kind === 'ok');
    } else if (code) {
      lastSeen = now;
    }
    timer = window.setTimeout(() => void look(), EVERY_MS);
  };
  void look();
  return stop;
}
