/**
 * The persons of the demo population: the names and addresses chance draws from (a few abroad), and
 * the facts of a person as the staff_member row holds them.
 */
import type { CalendarDate } from "../../../src/domain/calendar-date";

export const FEMALE_FIRST_NAMES = [
  "An", "Annelies", "Ann", "Bieke", "Charlotte", "Elke", "Els", "Evi", "Hanne", "Ilse", "Inge", "Joke", "Karen", "Katrien", "Kelly",
  "Leen", "Lien", "Liesbeth", "Lotte", "Marijke", "Nathalie", "Nele", "Sarah", "Sofie", "Tine", "Veerle", "Wendy", "Ellen", "Griet", "Eline",
];
export const MALE_FIRST_NAMES = [
  "Bart", "Ben", "Bram", "Dirk", "Filip", "Frederik", "Geert", "Gert", "Hans", "Jan", "Jeroen", "Johan", "Joris", "Kevin", "Koen",
  "Kristof", "Lieven", "Luc", "Maarten", "Nick", "Pieter", "Pieter-Jan", "Raf", "Sam", "Stijn", "Steven", "Tom", "Wim", "Wouter", "Yves",
];
export const LAST_NAMES = [
  "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Vermeulen", "Van den Broeck",
  "Hermans", "Aerts", "Pauwels", "Verhoeven", "Van Damme", "De Backer", "Lambrechts", "Coppens", "Michiels", "Smets", "Verstraete",
  "Stevens", "De Clercq", "Van Acker", "Vandenberghe", "Martens", "Cools", "Bogaerts", "Vervoort", "Van Hecke", "Baert", "Segers",
  "Wuyts", "Declercq", "Van de Velde", "Verbeke", "Geerts", "Desmet", "Vanhove", "De Vos", "Leemans", "Thys", "Van Looy", "Deprez",
  "Huysmans", "Van Dyck", "Verlinden", "Boeckx",
];
export const STREETS = [
  "Kerkstraat", "Stationsstraat", "Molenstraat", "Schoolstraat", "Dorpsstraat", "Nieuwstraat", "Beekstraat", "Kapelstraat", "Veldstraat",
  "Hoogstraat", "Lindenlaan", "Kastanjelaan", "Kouter", "Brugstraat", "Meersstraat", "Heidestraat", "Processieweg", "Zavelstraat",
  "Bosstraat", "Weverstraat", "Leopoldlaan", "Koningin Astridlaan", "Vaartstraat", "Spoorweglaan",
];
export const MUNICIPALITIES: readonly (readonly [string, string])[] = [
  ["8500", "Kortrijk"], ["8530", "Harelbeke"], ["8790", "Waregem"], ["8000", "Brugge"], ["8400", "Oostende"], ["8800", "Roeselare"],
  ["9000", "Gent"], ["9300", "Aalst"], ["9400", "Ninove"], ["9100", "Sint-Niklaas"], ["9900", "Eeklo"], ["9200", "Dendermonde"],
  ["2000", "Antwerpen"], ["2200", "Herentals"], ["2400", "Mol"], ["2440", "Geel"], ["2260", "Westerlo"], ["2500", "Lier"],
  ["2800", "Mechelen"], ["3000", "Leuven"], ["3300", "Tienen"], ["3200", "Aarschot"], ["3290", "Diest"], ["1500", "Halle"],
  ["3500", "Hasselt"], ["3600", "Genk"], ["3630", "Maasmechelen"], ["3800", "Sint-Truiden"],
];
export const DUTCH_ADDRESSES: readonly (readonly [string, string, string])[] = [
  ["Brusselsestraat", "6211 PG", "Maastricht"],
  ["Grote Markt", "4611 NT", "Bergen op Zoom"],
];

export interface Person {
  readonly id: number;
  readonly insz: string;
  readonly lastName: string;
  readonly firstName: string;
  readonly birthDate: CalendarDate;
  readonly gender: "M" | "F";
  readonly street: string;
  readonly houseNumber: string;
  readonly box: string | null;
  readonly postalCode: string;
  readonly municipality: string;
  readonly countryCode: string;
  readonly nationality: string;
}
