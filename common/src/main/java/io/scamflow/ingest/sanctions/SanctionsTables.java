package io.scamflow.ingest.sanctions;

import io.scamflow.ingest.Ingestion;
import io.scamflow.table.TableContract;
import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The sanctions tables: one bronze table every list reader writes (one row per designated party per
 * list version, details nested), and one set of silver tables shared by all lists, each row with
 * its validity interval across list versions.
 */
public final class SanctionsTables {
  private SanctionsTables() {}

  static final StructType NAME =
      new StructType()
          .add("name", DataTypes.StringType, true)
          .add("kind", DataTypes.StringType, true)
          .add("quality", DataTypes.StringType, true);
  static final StructType IDENTIFIER =
      new StructType()
          .add("type", DataTypes.StringType, true)
          .add("value", DataTypes.StringType, true)
          .add("country", DataTypes.StringType, true);
  static final StructType CRYPTO =
      new StructType()
          .add("asset", DataTypes.StringType, true)
          .add("chain", DataTypes.StringType, true)
          .add("address", DataTypes.StringType, true)
          .add("raw", DataTypes.StringType, true)
          .add("validated", DataTypes.BooleanType, true);
  static final StructType ADDRESS =
      new StructType()
          .add("street", DataTypes.StringType, true)
          .add("city", DataTypes.StringType, true)
          .add("region", DataTypes.StringType, true)
          .add("postal_code", DataTypes.StringType, true)
          .add("country", DataTypes.StringType, true)
          .add("full_text", DataTypes.StringType, true);
  static final StructType BIRTH_DATE =
      new StructType()
          .add("as_stated", DataTypes.StringType, true)
          .add("date", DataTypes.DateType, true)
          .add("year", DataTypes.IntegerType, true);

  private static ArrayType arrayOf(DataType type) {
    return DataTypes.createArrayType(type, true);
  }

  /** Every list's parties as read, one row per party per file (list version). */
  public static final TableContract BRONZE =
      Ingestion.bronzeTable(
              "bronze.sanctions_raw",
              "Sanctions and watchlist entries as published: one row per listed party per list"
                  + " file, details nested; silver.sanctioned_* are built from it")
          .column(
              "list_id",
              DataTypes.StringType,
              false,
              "Which list: OFAC_SDN, OFAC_CONS, UN_SC, UK_FCDO, EU_FSF, OPENSANCTIONS or a"
                  + " watchlist's name")
          .column(
              "list_version",
              DataTypes.DateType,
              "Publication date the file states; null when it states none (the run date is used)")
          .column(
              "entity_id",
              DataTypes.StringType,
              false,
              "The list's own id of the party (OFAC ent_num/uid, UN reference number, ...)")
          .column(
              "entity_type",
              DataTypes.StringType,
              "individual, entity, vessel, aircraft, or wallet for address watchlists")
          .column("primary_name", DataTypes.StringType, "The party's main name as listed")
          .column("programs", arrayOf(DataTypes.StringType), "Sanctions programmes or regimes")
          .column("listed_on", DataTypes.DateType, "Date the party was first listed, if stated")
          .column("remarks", DataTypes.StringType, "Free-text remarks, continuations joined")
          .column("names", arrayOf(NAME), "Primary name and aliases: name, kind, quality")
          .column("identifiers", arrayOf(IDENTIFIER), "Documents and ids: type, value, country")
          .column(
              "crypto_addresses",
              arrayOf(CRYPTO),
              "Validated digital currency addresses: asset as stated, chain, normalised, raw")
          .column("addresses", arrayOf(ADDRESS), "Postal addresses")
          .column("dates_of_birth", arrayOf(BIRTH_DATE), "Dates of birth as stated, parsed")
          .column("nationalities", arrayOf(DataTypes.StringType), "Nationalities/citizenships")
          .build();

  private static TableContract.Builder silver(String name, String comment) {
    return TableContract.builder(name)
        .comment(
            comment
                + ". History: one row per unbroken run of list versions the row appears in;"
                + " current rows have valid_to null")
        .column("list_id", DataTypes.StringType, false, "Which list (OFAC_SDN, UN_SC, ...)")
        .column("entity_id", DataTypes.StringType, false, "The list's own id of the party");
  }

  private static TableContract.Builder history(TableContract.Builder b) {
    return b.column(
            "valid_from",
            DataTypes.DateType,
            false,
            "First list version (publication date, else run date) of this run of versions that"
                + " states the row")
        .column(
            "valid_to",
            DataTypes.DateType,
            "First later list version that no longer states it (exclusive); null while listed."
                + " Designated on D: valid_from <= D AND (valid_to IS NULL OR valid_to > D)")
        .column(
            "last_seen",
            DataTypes.DateType,
            false,
            "Latest list version of this run of versions that states the row")
        .partitionedBy("list_id");
  }

  public static final TableContract ENTITIES =
      history(
              silver("silver.sanctioned_entities", "Parties on sanctions lists and watchlists")
                  .column("primary_name", DataTypes.StringType, "The party's main name as listed")
                  .column(
                      "entity_type",
                      DataTypes.StringType,
                      "individual, entity, vessel, aircraft, or wallet")
                  .column(
                      "programs", arrayOf(DataTypes.StringType), "Sanctions programmes or regimes")
                  .column("listed_on", DataTypes.DateType, "Date first listed, if the list says")
                  .column("remarks", DataTypes.StringType, "Free-text remarks as listed"))
          .keys("list_id", "entity_id", "valid_from")
          .build();

  public static final TableContract NAMES =
      history(
              silver("silver.sanctioned_names", "Every name of a listed party")
                  .column("name", DataTypes.StringType, false, "The name as listed")
                  .column(
                      "name_kind",
                      DataTypes.StringType,
                      false,
                      "primary, aka, fka (formerly known as) or nka (now known as)")
                  .column(
                      "quality",
                      DataTypes.StringType,
                      "How reliable the list says the alias is: strong/weak (OFAC), good/low (UN)"))
          .keys("list_id", "entity_id", "name", "name_kind", "valid_from")
          .build();

  public static final TableContract IDENTIFIERS =
      history(
              silver(
                      "silver.sanctioned_identifiers",
                      "Identity documents and ids of listed parties (passports, tax ids, IMO, emails)")
                  .column(
                      "id_type",
                      DataTypes.StringType,
                      false,
                      "Kind of identifier, as the list says")
                  .column("id_value", DataTypes.StringType, false, "The identifier")
                  .column("issuing_country", DataTypes.StringType, "Country that issued it"))
          .keys("list_id", "entity_id", "id_type", "id_value", "valid_from")
          .build();

  public static final TableContract CRYPTO_ADDRESSES =
      history(
              silver(
                      "silver.sanctioned_crypto_addresses",
                      "Digital currency addresses of listed parties, validated per chain")
                  .column(
                      "asset",
                      DataTypes.StringType,
                      false,
                      "Asset as the list states it: XBT, ETH, USDT, TRX, ...")
                  .column(
                      "chain",
                      DataTypes.StringType,
                      "Chain the address lives on: BITCOIN, ETHEREUM, TRON, or the asset code"
                          + " when scamflow cannot validate that chain")
                  .column(
                      "address",
                      DataTypes.StringType,
                      false,
                      "Normalised address (Ethereum and bech32 lowercased): join on this")
                  .column(
                      "address_as_listed", DataTypes.StringType, "The address exactly as listed")
                  .column(
                      "validated",
                      DataTypes.BooleanType,
                      "true when checked against the chain's format and checksum; false when"
                          + " passed through unvalidated"))
          .keys("list_id", "entity_id", "chain", "address", "valid_from")
          .build();

  public static final TableContract ADDRESSES =
      history(
              silver("silver.sanctioned_addresses", "Postal addresses of listed parties")
                  .column("street", DataTypes.StringType, "Street lines")
                  .column("city", DataTypes.StringType, "City (OFAC CSV: city/state/postal)")
                  .column("region", DataTypes.StringType, "State or province")
                  .column("postal_code", DataTypes.StringType, "Postal code")
                  .column("country", DataTypes.StringType, "Country")
                  .column("full_text", DataTypes.StringType, false, "The address as one line"))
          .keys("list_id", "entity_id", "full_text", "valid_from")
          .build();

  public static final TableContract DATES_OF_BIRTH =
      history(
              silver("silver.sanctioned_dates_of_birth", "Dates of birth of listed individuals")
                  .column(
                      "date_of_birth_text",
                      DataTypes.StringType,
                      false,
                      "As stated (e.g. 13 May 1965, circa 1965, 1960 to 1962)")
                  .column("date_of_birth", DataTypes.DateType, "The day, when the list gives one")
                  .column("birth_year", DataTypes.IntegerType, "The year, when exactly one"))
          .keys("list_id", "entity_id", "date_of_birth_text", "valid_from")
          .build();

  public static final TableContract NATIONALITIES =
      history(
              silver("silver.sanctioned_nationalities", "Nationalities of listed individuals")
                  .column(
                      "nationality",
                      DataTypes.StringType,
                      false,
                      "Country of nationality or citizenship, as listed"))
          .keys("list_id", "entity_id", "nationality", "valid_from")
          .build();

  /** Every sanctions table, bronze first. */
  public static List<TableContract> all() {
    return List.of(
        BRONZE,
        ENTITIES,
        NAMES,
        IDENTIFIERS,
        CRYPTO_ADDRESSES,
        ADDRESSES,
        DATES_OF_BIRTH,
        NATIONALITIES);
  }
}
