import { registerEnumType } from "type-graphql";

/** The kinds of entity, one per type implementing Entity. */
export enum EntityType {
  PLATFORM = "PLATFORM",
  ORGANIZATION = "ORGANIZATION",
  MCN = "MCN",
  BRAND = "BRAND",
  PERSON = "PERSON",
  MARKET = "MARKET",
  EVENT = "EVENT",
}

registerEnumType(EntityType, {
  name: "EntityType",
  description: "The kinds of entity; each is a type implementing Entity.",
  valuesConfig: {
    PLATFORM: { description: "A live-streaming or e-commerce platform (type Platform)." },
    ORGANIZATION: { description: "A company, agency, university, institute or publisher (type Organization)." },
    MCN: { description: "A multi-channel network that signs and manages hosts (type MCN)." },
    BRAND: { description: "A brand whose sales are recorded (type Brand)." },
    PERSON: { description: "A person, such as a host or an executive (type Person)." },
    MARKET: { description: "A market, sector or population (type Market)." },
    EVENT: { description: "A dated happening, such as a shopping festival (type Event)." },
  },
});
