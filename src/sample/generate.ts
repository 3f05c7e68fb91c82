/**
 * `createSampleDataset`: a deterministic, realistic retail dataset over `sampleCatalog`.
 *
 * Same seed, size and `now` give the same rows in every JavaScript engine (a seeded
 * mulberry32 stream, integer calendar arithmetic, no `Math.random`, no `Date.now()`, no
 * locale formatting). Customers, orders, cases, accounts, sessions and subscriptions are
 * numbered in chronological order, so `C000001` is the oldest customer and `O0000001`
 * the first order.
 */
import { toInstant } from '../core/model/dates.js';
import type { Catalog, SegmentDocument } from '../core/model/types.js';
import {
  CASE_CATEGORIES,
  CASE_PRIORITIES,
  CASE_STATUSES,
  DEVICES,
  LANDING_PAGES,
  LOYALTY_TIERS,
  ORDER_CHANNELS,
  ORDER_STATUSES,
  SUBSCRIPTION_STATUSES,
  sampleCatalog,
} from './catalog.js';
import { daysFromCivil, formatDay, formatSeconds } from './format.js';
import { EMAIL_DOMAINS, EMAIL_DOMAIN_WEIGHTS, FIRST_NAMES, LAST_NAMES, PLACES, PRODUCTS } from './names.js';
import { Random, lookupTable } from './random.js';
import { createSampleSegments } from './segments.js';

/** Rows per entity, as the memory provider and the evaluator take them. */
export type SampleData = Record<string, Record<string, unknown>[]>;

export interface SampleDataset {
  catalog: Catalog;
  /** Rows per entity: `Customer`, `Order`, `Case`, `OnlineAccount`, `WebSession`, `Subscription`, `Product`. */
  data: SampleData;
  /** The ISO instant the data was generated "as of" (no row is later). Pass it to the provider as `now`. */
  now: string;
  /** The sample segments, the static VIP segment with its snapshot. */
  segments: SegmentDocument[];
}

export interface SampleDatasetOptions {
  /** Number of customers (default 1000). Orders come to about 10 per customer. */
  customers?: number;
  /** The random seed (default 1). */
  seed?: number;
  /** The instant the data is "as of": a Date, ISO string or epoch ms (default `2026-11-01T12:00:00Z`). */
  now?: Date | string | number;
}

/** The default reference instant: fixed, so the default dataset never changes. */
export const SAMPLE_NOW = '2026-11-01T12:00:00Z';

const DAY = 86400;
const YEAR = 365.25 * DAY;

/** Loyalty tiers by points over the last two years (Bronze below the first). */
const TIER_THRESHOLDS = [1500, 4000, 9000] as const;

const pad = (n: number, width: number): string => {
  const s = String(n);
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
};
const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Child rows as fixed-stride records of numbers until they are sorted and built (one
 * buffer per entity: building a row reads one record, not one array per field).
 * Field 0 is the row's time.
 */
class Records {
  data: Float64Array;
  length = 0;
  constructor(
    readonly stride: number,
    capacity: number,
  ) {
    this.data = new Float64Array(Math.max(16, Math.ceil(capacity)) * stride);
  }

  /** The offset of a new record in `data` (which may move: read `data` after). */
  add(): number {
    const at = this.length * this.stride;
    if (at + this.stride > this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.length++;
    return at;
  }

  /** Record indexes sorted by time (ties: generation order). */
  chronological(): Int32Array {
    const { data, stride, length: n } = this;
    const perm = new Int32Array(n);
    if (n === 0) return perm;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0, o = 0; i < n; i++, o += stride) {
      const t = data[o]!;
      if (t < min) min = t;
      if (t > max) max = t;
    }
    if ((max - min + 1) * n < 2 ** 53) {
      // One numeric typed-array sort over packed (time, index) keys: fast and exact.
      const keys = new Float64Array(n);
      for (let i = 0, o = 0; i < n; i++, o += stride) keys[i] = (data[o]! - min) * n + i;
      keys.sort();
      for (let i = 0; i < n; i++) perm[i] = keys[i]! % n;
      return perm;
    }
    const idx = Array.from({ length: n }, (_, i) => i);
    idx.sort((a, b) => data[a * stride]! - data[b * stride]! || a - b);
    for (let i = 0; i < n; i++) perm[i] = idx[i]!;
    return perm;
  }
}

/** Ids `prefix + zero-padded rank` (at least `width` digits) for rows in `perm` order, indexed by generation index. */
function idsByRank(perm: Int32Array, prefix: string, width: number): string[] {
  const out = new Array<string>(perm.length);
  const w = Math.max(width, String(perm.length).length);
  for (let r = 0; r < perm.length; r++) out[perm[r]!] = prefix + pad(r + 1, w);
  return out;
}

const HOUR_TABLE = lookupTable([1, 0.6, 0.4, 0.3, 0.3, 0.5, 1, 2, 3, 4, 5, 5.5, 6, 5.5, 5, 5, 5.5, 6, 6.5, 6.5, 6, 5, 3.5, 2]);

/** Create the sample dataset. Fast: 100,000 customers (about 980,000 orders, 380,000 web sessions) in 2–3 s in Node. */
export function createSampleDataset(opts: SampleDatasetOptions = {}): SampleDataset {
  const customerCount = Math.max(0, Math.floor(opts.customers ?? 1000));
  if (!Number.isFinite(customerCount)) throw new RangeError('createSampleDataset: `customers` must be a finite number.');
  const nowMs = toInstant(opts.now ?? SAMPLE_NOW);
  if (nowMs === undefined) throw new RangeError(`createSampleDataset: \`now\` is not a valid instant: ${String(opts.now)}.`);
  const rng = new Random(opts.seed ?? 1);

  const nowSec = Math.floor(nowMs / 1000);
  const nowDay = Math.floor(nowSec / DAY);

  // Weighted choices.
  const countryTable = lookupTable(PLACES.map((p) => p.weight));
  const cityTables = PLACES.map((p) => lookupTable(p.cities.map((c) => c[1])));
  const domainTable = lookupTable(EMAIL_DOMAIN_WEIGHTS);
  const channelTable = lookupTable([45, 30, 8, 17]);
  const priorityTable = lookupTable([30, 45, 18, 7]);
  const escalation = [0.06, 0.14, 0.4, 0.7];
  const caseCategoryTable = lookupTable([22, 26, 24, 14, 14]);
  const satisfactionTable = lookupTable([7, 13, 25, 33, 22]);
  const deviceTable = lookupTable([42, 48, 10]);
  const pageTable = lookupTable([34, 22, 12, 6, 3, 9, 8, 6]);
  const productTable = lookupTable(PRODUCTS.map((p) => p.popularity));

  // ---- customers' creation days: over five years, growing; numbered oldest first.
  const spanDays = Math.round(5 * 365.25);
  const created = new Int32Array(customerCount);
  for (let i = 0; i < customerCount; i++) {
    const x = rng.chance(0.4) ? rng.next() : rng.rising();
    created[i] = nowDay - Math.floor(spanDays * (1 - x));
  }
  created.sort();

  const customers = new Array<Record<string, unknown>>(customerCount);
  const customerIds = new Array<string>(customerCount);
  const customerWidth = Math.max(6, String(customerCount).length);

  // Child rows as numeric records until sorted (see Records for the layout).
  // Order: time (s), customer, amount, items, channel (-1: none), status
  const orderRecords = new Records(6, customerCount * 10);
  // Case: opened (day), customer, closed (day, -1: open), priority, status, category, escalated (0/1)
  const caseRecords = new Records(7, customerCount * 0.3);
  // OnlineAccount: created (day), customer; usernames by generation index
  const accountRecords = new Records(2, customerCount * 0.7);
  const usernames: string[] = [];
  // WebSession: started (s), account (generation index), duration, page views, device, page
  const sessionRecords = new Records(6, customerCount * 6);
  // Subscription: start (day), customer, product, end (day, -1: none), status, auto-renew (-1: unknown, 0, 1)
  const subscriptionRecords = new Records(6, customerCount * 0.45);

  const orderWindowStart = nowSec - Math.round(3 * YEAR);
  const loyaltyFrom = nowSec - Math.round(2 * YEAR);
  const sessionWindowStart = nowSec - Math.round(YEAR); // web logs are kept for a year

  /** A second of the day, busier in the daytime. */
  const timeOfDay = () => rng.lookup(HOUR_TABLE) * 3600 + rng.int(3600);
  /** An instant in [from, to], likelier towards `to`, at a plausible time of day. */
  const instantBetween = (from: number, to: number, position: number): number => {
    const t = from + Math.floor((to - from) * position);
    const t2 = Math.floor(t / DAY) * DAY + timeOfDay();
    return t2 >= from && t2 <= to ? t2 : t;
  };

  for (let i = 0; i < customerCount; i++) {
    const createdDay = created[i]!;
    const createdSec = createdDay * DAY;
    const id = 'C' + pad(i + 1, customerWidth);
    customerIds[i] = id;

    // ---- identity
    const [firstName, firstAscii] = FIRST_NAMES[rng.int(FIRST_NAMES.length)]!;
    const [lastName, lastAscii] = LAST_NAMES[rng.int(LAST_NAMES.length)]!;
    let fullName = firstName + ' ' + lastName;
    const nameNoise = rng.next();
    if (nameNoise < 0.006) fullName = ' ' + fullName;
    else if (nameNoise < 0.014) fullName = fullName + ' ';

    let email: string | null;
    const emailRoll = rng.next();
    const domain = EMAIL_DOMAINS[rng.lookup(domainTable)]!;
    const style = rng.int(4);
    const digits = rng.chance(0.4) ? String(rng.range(1, 99)) : '';
    if (emailRoll < 0.07) email = null;
    else if (emailRoll < 0.076) email = '';
    else {
      const local =
        style === 0
          ? firstAscii + '.' + lastAscii
          : style === 1
            ? firstAscii[0] + lastAscii
            : style === 2
              ? firstAscii + lastAscii
              : firstAscii + '_' + lastAscii[0];
      email = local + digits + '@' + domain;
      if (emailRoll < 0.1) {
        // Typed with capitals: "Maria.Garcia@Contoso.com".
        email = capitalize(firstAscii) + '.' + capitalize(lastAscii) + digits + '@' + capitalize(domain);
      } else if (emailRoll < 0.108) email = email + ' ';
      else if (emailRoll < 0.113) email = ' ' + email;
    }

    // ---- place
    const placeIndex = rng.lookup(countryTable);
    const place = PLACES[placeIndex]!;
    const cityName = place.cities[rng.lookup(cityTables[placeIndex]!)]![0];
    let city: string | null = cityName;
    const cityRoll = rng.next();
    if (cityRoll < 0.02) city = null;
    else if (cityRoll < 0.035) city = cityName.toLowerCase();
    else if (cityRoll < 0.043) city = cityName.toUpperCase();
    else if (cityRoll < 0.051) city = ' ' + cityName;
    else if (cityRoll < 0.06) city = cityName + ' ';
    const country: string | null = rng.chance(0.01) ? null : place.country;

    // ---- birth date: 1940–2006, mostly 1960–1995
    let birthDate: string | null = null;
    if (!rng.chance(0.08)) {
      const year = 1940 + Math.floor(((rng.next() + rng.next()) / 2) * 67);
      const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
      birthDate = formatDay(daysFromCivil(year, 1, 1) + rng.int(leap ? 366 : 365));
    }

    const doNotContact = rng.chance(0.04);
    const optInRoll = rng.next();
    const emailOptIn: boolean | null = optInRoll < 0.12 ? null : doNotContact ? false : optInRoll < 0.65;

    let creditBalance: number | null;
    const creditRoll = rng.next();
    if (creditRoll < 0.09) creditBalance = null;
    else if (creditRoll < 0.27) creditBalance = 0;
    else creditBalance = round2(rng.logNormal(320, 1.15));

    // ---- orders: a per-customer rate over the last three years, some churned
    let orderCount = 0;
    let recentSpend = 0;
    if (!rng.chance(0.1)) {
      const rate = rng.logNormal(5.2, 0.75);
      const start = Math.max(createdSec + 3600, orderWindowStart);
      let end = nowSec;
      if (rng.chance(0.22)) end = start + Math.floor((nowSec - start) * rng.next());
      const n = end > start ? rng.poisson((rate * (end - start)) / YEAR) : 0;
      const spendScale = rng.logNormal(1, 0.35);
      for (let k = 0; k < n; k++) {
        const t = instantBetween(start, end, rng.chance(0.5) ? rng.next() : rng.rising());
        const amount = round2(Math.max(2.5, rng.logNormal(80 * spendScale, 0.95)));
        const statusRoll = rng.next();
        const status = statusRoll < 0.92 ? 0 : statusRoll < 0.97 ? 1 : 2;
        const o = orderRecords.add();
        const od = orderRecords.data;
        od[o] = t;
        od[o + 1] = i;
        od[o + 2] = amount;
        od[o + 3] = 1 + Math.floor(rng.next() * Math.min(12, 1 + amount / 40));
        od[o + 4] = rng.chance(0.01) ? -1 : rng.lookup(channelTable);
        od[o + 5] = status;
        if (status === 0 && t >= loyaltyFrom) recentSpend += amount;
      }
      orderCount = n;
    }

    // ---- service cases: about one customer in five, more for frequent buyers
    let escalatedCase = false;
    let caseCount = 0;
    if (rng.chance(0.13 + Math.min(0.25, orderCount * 0.008))) {
      caseCount = 1 + (rng.chance(0.33) ? 1 : 0) + (rng.chance(0.12) ? 1 : 0);
      for (let k = 0; k < caseCount; k++) {
        const open = Math.min(nowDay, createdDay + Math.floor((nowDay - createdDay + 1) * rng.rising()));
        const priority = rng.lookup(priorityTable);
        const escalated = rng.chance(escalation[priority]!);
        if (escalated) escalatedCase = true;
        const age = nowDay - open;
        const roll = rng.next();
        const status =
          age > 30
            ? roll < 0.85
              ? 1
              : roll < 0.92
                ? 2
                : 0
            : age > 7
              ? roll < 0.6
                ? 1
                : roll < 0.65
                  ? 2
                  : 0
              : roll < 0.25
                ? 1
                : roll < 0.3
                  ? 2
                  : 0;
        const o = caseRecords.add();
        const cd = caseRecords.data;
        cd[o] = open;
        cd[o + 1] = i;
        cd[o + 2] = status === 0 ? -1 : open + Math.min(age, rng.int(escalated ? 30 : 15));
        cd[o + 3] = priority;
        cd[o + 4] = status;
        cd[o + 5] = rng.lookup(caseCategoryTable);
        cd[o + 6] = escalated ? 1 : 0;
      }
    }

    let satisfaction: number | null = null;
    if (!rng.chance(0.14)) {
      let s = rng.lookup(satisfactionTable) + 1;
      if (escalatedCase && rng.chance(0.6)) s -= 1;
      if (caseCount >= 2 && rng.chance(0.3)) s -= 1;
      satisfaction = Math.max(1, s);
    }

    // ---- online accounts and their web sessions
    if (rng.chance(0.6)) {
      const accounts = rng.chance(0.04) ? 2 : 1;
      for (let a = 0; a < accounts; a++) {
        const accountIndex = accountRecords.length;
        const day = createdDay + Math.floor((nowDay - createdDay) * rng.next() * rng.next());
        const ao = accountRecords.add();
        accountRecords.data[ao] = day;
        accountRecords.data[ao + 1] = i;
        usernames.push((rng.chance(0.5) ? firstAscii[0] + lastAscii : firstAscii + '.' + lastAscii) + String(rng.range(1, 999)));
        const start = Math.max(day * DAY + 60, sessionWindowStart);
        let end = nowSec;
        if (rng.chance(0.3)) end = start + Math.floor((nowSec - start) * rng.next());
        if (end <= start) continue;
        // 0–40 sessions over a full year of activity, fewer over a shorter one.
        const perYear = rng.chance(0.12) ? 0 : 1 + Math.floor(40 * rng.next() * rng.next());
        const n = Math.round(perYear * Math.min(1, (end - start) / YEAR));
        for (let k = 0; k < n; k++) {
          const duration = Math.max(5, Math.round(rng.logNormal(240, 1.0)));
          const o = sessionRecords.add();
          const sd = sessionRecords.data;
          sd[o] = instantBetween(start, end, rng.chance(0.5) ? rng.next() : rng.rising());
          sd[o + 1] = accountIndex;
          sd[o + 2] = duration;
          sd[o + 3] = Math.min(150, 1 + Math.floor((duration / 45) * rng.next()));
          sd[o + 4] = rng.lookup(deviceTable);
          sd[o + 5] = rng.lookup(pageTable);
        }
      }
    }

    // ---- subscriptions: about three customers in ten
    let subscriptionCount = 0;
    if (rng.chance(0.3)) {
      subscriptionCount = 1 + (rng.chance(0.3) ? 1 : 0) + (rng.chance(0.1) ? 1 : 0);
      const taken: number[] = [];
      for (let k = 0; k < subscriptionCount; k++) {
        let product = rng.lookup(productTable);
        for (let tries = 0; tries < 4 && taken.includes(product); tries++) product = rng.lookup(productTable);
        taken.push(product);
        const start = Math.min(nowDay, createdDay + Math.floor((nowDay - createdDay + 1) * rng.rising()));
        let end = -1;
        if (rng.chance(0.4)) {
          end = start + 30 + rng.int(900);
          if (end > nowDay) end = -1;
        }
        const status = end < 0 ? 0 : rng.chance(0.6) ? 1 : 2;
        const o = subscriptionRecords.add();
        const bd = subscriptionRecords.data;
        bd[o] = start;
        bd[o + 1] = i;
        bd[o + 2] = product;
        bd[o + 3] = end;
        bd[o + 4] = status;
        bd[o + 5] = rng.chance(0.04) ? -1 : status === 0 ? (rng.chance(0.7) ? 1 : 0) : 0;
      }
    }

    // ---- loyalty: points for the last two years' completed orders and active subscriptions
    let loyaltyPoints: number | null = Math.floor(recentSpend) + subscriptionCount * 250 + (orderCount > 0 ? rng.int(200) : 0);
    let tier: string | null = LOYALTY_TIERS[0];
    for (let t = 0; t < TIER_THRESHOLDS.length; t++) if (loyaltyPoints >= TIER_THRESHOLDS[t]!) tier = LOYALTY_TIERS[t + 1]!;
    if (rng.chance(0.02)) {
      loyaltyPoints = null;
      tier = null;
    }

    customers[i] = {
      CustomerId: id,
      FullName: fullName,
      Email: email,
      City: city,
      Country: country,
      BirthDate: birthDate,
      CreatedOn: formatDay(createdDay),
      LoyaltyTier: tier,
      LoyaltyPoints: loyaltyPoints,
      CreditBalance: creditBalance,
      Satisfaction: satisfaction,
      DoNotContact: doNotContact,
      EmailOptIn: emailOptIn,
    };
  }

  // ---- child rows in chronological order, numbered by rank
  const orderPerm = orderRecords.chronological();
  const orderWidth = Math.max(7, String(orderPerm.length).length);
  const orders = new Array<Record<string, unknown>>(orderPerm.length);
  {
    const d = orderRecords.data;
    for (let r = 0; r < orderPerm.length; r++) {
      const o = orderPerm[r]! * 6;
      const channel = d[o + 4]!;
      orders[r] = {
        OrderId: 'O' + pad(r + 1, orderWidth),
        CustomerId: customerIds[d[o + 1]!],
        OrderDate: formatSeconds(d[o]!),
        TotalAmount: d[o + 2]!,
        ItemCount: d[o + 3]!,
        Channel: channel < 0 ? null : ORDER_CHANNELS[channel]!,
        Status: ORDER_STATUSES[d[o + 5]!]!,
      };
    }
  }

  const casePerm = caseRecords.chronological();
  const caseIds = idsByRank(casePerm, 'CAS', 6);
  const cases = new Array<Record<string, unknown>>(casePerm.length);
  {
    const d = caseRecords.data;
    for (let r = 0; r < casePerm.length; r++) {
      const j = casePerm[r]!;
      const o = j * 7;
      const close = d[o + 2]!;
      cases[r] = {
        CaseId: caseIds[j]!,
        CustomerId: customerIds[d[o + 1]!],
        OpenedOn: formatDay(d[o]!),
        ClosedOn: close < 0 ? null : formatDay(close),
        Category: CASE_CATEGORIES[d[o + 5]!]!,
        Priority: CASE_PRIORITIES[d[o + 3]!]!,
        Status: CASE_STATUSES[d[o + 4]!]!,
        Escalated: d[o + 6] === 1,
      };
    }
  }

  const accountPerm = accountRecords.chronological();
  const accountIds = idsByRank(accountPerm, 'A', 6);
  const accounts = new Array<Record<string, unknown>>(accountPerm.length);
  {
    const d = accountRecords.data;
    for (let r = 0; r < accountPerm.length; r++) {
      const j = accountPerm[r]!;
      accounts[r] = {
        AccountId: accountIds[j]!,
        CustomerId: customerIds[d[j * 2 + 1]!],
        Username: usernames[j]!,
        CreatedOn: formatDay(d[j * 2]!),
      };
    }
  }

  const sessionPerm = sessionRecords.chronological();
  const sessionWidth = Math.max(7, String(sessionPerm.length).length);
  const sessions = new Array<Record<string, unknown>>(sessionPerm.length);
  {
    const d = sessionRecords.data;
    for (let r = 0; r < sessionPerm.length; r++) {
      const o = sessionPerm[r]! * 6;
      sessions[r] = {
        SessionId: 'S' + pad(r + 1, sessionWidth),
        AccountId: accountIds[d[o + 1]!],
        StartedAt: formatSeconds(d[o]!),
        DurationSeconds: d[o + 2]!,
        PageViews: d[o + 3]!,
        Device: DEVICES[d[o + 4]!]!,
        Page: LANDING_PAGES[d[o + 5]!]!,
      };
    }
  }

  const subscriptionPerm = subscriptionRecords.chronological();
  const subscriptionIds = idsByRank(subscriptionPerm, 'SUB', 6);
  const subscriptions = new Array<Record<string, unknown>>(subscriptionPerm.length);
  {
    const d = subscriptionRecords.data;
    for (let r = 0; r < subscriptionPerm.length; r++) {
      const j = subscriptionPerm[r]!;
      const o = j * 6;
      const end = d[o + 3]!;
      const renew = d[o + 5]!;
      subscriptions[r] = {
        SubscriptionId: subscriptionIds[j]!,
        CustomerId: customerIds[d[o + 1]!],
        ProductId: PRODUCTS[d[o + 2]!]!.id,
        StartDate: formatDay(d[o]!),
        EndDate: end < 0 ? null : formatDay(end),
        Status: SUBSCRIPTION_STATUSES[d[o + 4]!]!,
        AutoRenew: renew < 0 ? null : renew === 1,
      };
    }
  }

  const products = PRODUCTS.map((p) => ({ ProductId: p.id, Name: p.name, Category: p.category, Price: p.price }));

  const vip: string[] = [];
  for (const c of customers) if (c['LoyaltyTier'] === 'Platinum') vip.push(c['CustomerId'] as string);

  return {
    catalog: sampleCatalog,
    data: {
      Customer: customers,
      Order: orders,
      Case: cases,
      OnlineAccount: accounts,
      WebSession: sessions,
      Subscription: subscriptions,
      Product: products,
    },
    now: new Date(nowMs).toISOString(),
    segments: createSampleSegments(vip),
  };
}

function capitalize(s: string): string {
  return s === '' ? s : s[0]!.toUpperCase() + s.slice(1);
}
