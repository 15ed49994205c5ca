package io.scamflow.synth;

/** The landing format a transfer is reported in, with its folder under landing/DATE/. */
enum Rail {
  AMLWORLD("bank/ibm-aml-csv"),
  PACS008("bank/iso20022-pacs008"),
  MT103("bank/swift-mt103"),
  TRC20("chain/trc20-json"),
  ERC20("chain/erc20-csv");

  final String folder;

  Rail(String folder) {
    this.folder = folder;
  }

  String format() {
    return folder.substring(folder.indexOf('/') + 1);
  }
}
