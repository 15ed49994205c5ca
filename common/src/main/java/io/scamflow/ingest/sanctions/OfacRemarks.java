package io.scamflow.ingest.sanctions;

import io.scamflow.ingest.RecordSink;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the details OFAC's legacy CSV keeps only in the Remarks text, items separated by "; ":
 * digital currency addresses, dates of birth, nationalities, weak aliases and the common kinds of
 * identifier. An item OFAC cut at the field's fixed length, with no continuation, is a fragment: it
 * is never read as anything, and a fragment of a digital currency address is quarantined.
 */
final class OfacRemarks {
  /** The Remarks field of sdn.csv holds at most this many characters; longer text continues. */
  static final int FIELD_LIMIT = 1000;

  private static final String DCA = "Digital Currency Address";
  private static final Pattern DIGITAL =
      Pattern.compile("^(?:alt\\. )?Digital Currency Address - (\\S+)\\s+(\\S+)$");
  private static final Pattern DOB = Pattern.compile("^(?:alt\\. )?DOB (.+)$");
  private static final Pattern NATIONALITY =
      Pattern.compile("^(?:alt\\. )?(?:nationality|citizen) (.+)$");
  private static final Pattern WEAK_ALIAS =
      Pattern.compile("^(a\\.k\\.a\\.|f\\.k\\.a\\.|n\\.k\\.a\\.) '(.+)'$");

  /** Identifier kinds OFAC writes in remarks; longer first so the most specific one wins. */
  static final List<String> ID_TYPES =
      List.of(
              "Passport",
              "Diplomatic Passport",
              "Stateless Person Passport",
              "National ID No.",
              "Cedula No.",
              "Tax ID No.",
              "Registration Number",
              "Registration ID",
              "Identification Number",
              "SSN",
              "Birth Certificate Number",
              "R.F.C.",
              "C.U.R.P.",
              "D.N.I.",
              "NIT #",
              "RUC #",
              "CUIT",
              "Email Address",
              "Website",
              "Phone Number",
              "Company Number",
              "UK Company Number",
              "Business Registration Number",
              "Business Registration Document #",
              "Commercial Registry Number",
              "Certificate of Incorporation Number",
              "Trade License No.",
              "Legal Entity Number",
              "Unified Social Credit Code (USCC)",
              "Government Gazette Number",
              "Vessel Registration Identification",
              "IMO",
              "MMSI",
              "SWIFT/BIC",
              "Driver's License No.",
              "Personal ID Card",
              "Residency Number",
              "Travel Document Number",
              "Military ID No.",
              "Electoral Registry No.",
              "Turkish Identification Number",
              "Kenyan ID No.",
              "Refugee ID Card",
              "Aircraft Serial Identification",
              "Aircraft Tail Number",
              "Aircraft Manufacturer's Serial Number (MSN)",
              "US FEIN",
              "V.A.T. Number",
              "Matricula Mercantil No",
              "Bosnian Personal ID No.",
              "Public Security and Immigration No.",
              "Immigration No.",
              "Chinese Commercial Code",
              "Citizen's Card Number",
              "Serial No.")
          .stream()
          .sorted(Comparator.comparingInt(String::length).reversed())
          .toList();

  private OfacRemarks() {}

  /**
   * Reads {@code remarks} into {@code entry}. {@code cutWithoutContinuation}: the text stopped at
   * the field limit and no continuation exists, so its last item is a fragment.
   */
  static void read(
      Entry entry,
      String remarks,
      boolean cutWithoutContinuation,
      String position,
      RecordSink sink) {
    if (remarks == null) {
      return;
    }
    String[] items = remarks.split(";\\s+");
    int last = items.length - 1;
    for (int i = 0; i <= last; i++) {
      String item = items[i].strip();
      if (i == last) {
        if (cutWithoutContinuation) {
          if (looksLikeDigitalCurrencyFragment(item)) {
            sink.reject(
                position,
                "remarks of "
                    + entry.listId
                    + " "
                    + entry.entityId
                    + " were cut at "
                    + FIELD_LIMIT
                    + " characters with no continuation: the digital currency address fragment"
                    + " at the cut is not loaded",
                item);
          }
          return;
        }
        if (item.endsWith(".") && !item.endsWith("..")) {
          item = item.substring(0, item.length() - 1);
        }
      }
      readItem(entry, item, position, sink);
    }
  }

  /** "alt. Digi", "Digital Currency Address - XB", "...ETH 0x12": any part of that item's start. */
  static boolean looksLikeDigitalCurrencyFragment(String item) {
    String t = item.startsWith("alt. ") ? item.substring(5) : item;
    if (t.startsWith(DCA)) {
      return true;
    }
    String alt = "alt. " + DCA;
    return t.length() >= 3 && (DCA.startsWith(t) || alt.startsWith(item));
  }

  private static void readItem(Entry entry, String item, String position, RecordSink sink) {
    Matcher m;
    if (item.contains(DCA)) {
      m = DIGITAL.matcher(item);
      if (m.matches()) {
        entry.cryptoAddress(m.group(1), m.group(2), position, sink);
      } else {
        sink.reject(
            position,
            "unreadable digital currency address item for " + entry.listId + " " + entry.entityId,
            item);
      }
      return;
    }
    if ((m = DOB.matcher(item)).matches()) {
      entry.birthDate(m.group(1));
      return;
    }
    if ((m = NATIONALITY.matcher(item)).matches()) {
      entry.nationality(m.group(1));
      return;
    }
    if ((m = WEAK_ALIAS.matcher(item)).matches()) {
      entry.alias(m.group(2), kind(m.group(1)), "weak");
      return;
    }
    String body = item.startsWith("alt. ") ? item.substring(5) : item;
    for (String type : ID_TYPES) {
      if (body.startsWith(type + " ")) {
        identifier(entry, type, body.substring(type.length() + 1));
        return;
      }
    }
  }

  private static void identifier(Entry entry, String type, String rest) {
    String value = rest;
    for (String stop : new String[] {" issued ", " expires ", " Issue Date ", " Expire Date "}) {
      int at = value.indexOf(stop);
      if (at > 0) {
        value = value.substring(0, at);
      }
    }
    String country = null;
    if (value.endsWith(")")) {
      int open = value.lastIndexOf(" (");
      if (open > 0) {
        country = value.substring(open + 2, value.length() - 1);
        value = value.substring(0, open);
      }
    }
    entry.identifier(type, value, country);
  }

  /** a.k.a. / f.k.a. / n.k.a. as the kind names silver uses: aka, fka, nka. */
  static String kind(String abbreviation) {
    String k = abbreviation.replace(".", "").toLowerCase(java.util.Locale.ROOT).strip();
    return switch (k) {
      case "fka", "nka" -> k;
      default -> "aka";
    };
  }
}
