/**
 * The sample catalog as a German host would label it: the same entities, attributes and
 * values, with German labels (entity labels in the singular, as catalogs give them).
 */
import type { Catalog } from '../../../src/core/index.js';
import { sampleCatalog } from '../../../src/sample/index.js';

/** English label (or unlabelled value) → German label. */
const GERMAN: Record<string, string> = {
  Customer: 'Kunde',
  Order: 'Bestellung',
  'Service case': 'Servicefall',
  'Online account': 'Onlinekonto',
  'Web session': 'Websitzung',
  Subscription: 'Abonnement',
  Product: 'Produkt',
  'Customer ID': 'Kundennummer',
  'Full name': 'Vollständiger Name',
  Email: 'E-Mail',
  City: 'Stadt',
  Country: 'Land',
  'Birth date': 'Geburtsdatum',
  'Customer since': 'Kunde seit',
  'Loyalty tier': 'Treuestufe',
  'Loyalty points': 'Treuepunkte',
  'Credit balance': 'Guthaben',
  Satisfaction: 'Zufriedenheit',
  'Do not contact': 'Nicht kontaktieren',
  'Email opt-in': 'E-Mail-Einwilligung',
  'Order date': 'Bestelldatum',
  'Total amount': 'Gesamtbetrag',
  Items: 'Artikel',
  Channel: 'Kanal',
  'Opened on': 'Eröffnet am',
  'Closed on': 'Geschlossen am',
  Category: 'Kategorie',
  Priority: 'Priorität',
  Escalated: 'Eskaliert',
  'Started at': 'Beginn',
  Username: 'Benutzername',
  'Created on': 'Angelegt am',
  'Start date': 'Startdatum',
  'End date': 'Enddatum',
  'Auto-renew': 'Automatische Verlängerung',
  '1 – Very dissatisfied': '1 – Sehr unzufrieden',
  '2 – Dissatisfied': '2 – Unzufrieden',
  '3 – Neutral': '3 – Neutral',
  '4 – Satisfied': '4 – Zufrieden',
  '5 – Very satisfied': '5 – Sehr zufrieden',
  'United States': 'Vereinigte Staaten',
  Germany: 'Deutschland',
  France: 'Frankreich',
  Bronze: 'Bronze',
  Silver: 'Silber',
  Gold: 'Gold',
  Platinum: 'Platin',
  Web: 'Web',
  Store: 'Filiale',
  Phone: 'Telefon',
  Marketplace: 'Marktplatz',
  Completed: 'Abgeschlossen',
  Returned: 'Retourniert',
  Cancelled: 'Storniert',
  Active: 'Aktiv',
  Expired: 'Abgelaufen',
  Security: 'Sicherheit',
  Storage: 'Speicher',
  'Product ID': 'Produktnummer',
  'Order ID': 'Bestellnummer',
  Price: 'Preis',
  Name: 'Name',
};
const de = (label: string | undefined) => (label !== undefined ? (GERMAN[label] ?? label) : undefined);

export const germanCatalog: Catalog = {
  ...sampleCatalog,
  entities: sampleCatalog.entities.map((e) => ({
    ...e,
    label: de(e.label) ?? e.name,
    attributes: e.attributes.map((a) => ({
      ...a,
      label: de(a.label) ?? a.name,
      ...(a.values
        ? {
            values: a.values.map((v) => ({
              ...v,
              label: de(v.label ?? (typeof v.value === 'string' ? v.value : undefined)) ?? String(v.value),
            })),
          }
        : {}),
    })),
  })),
};
