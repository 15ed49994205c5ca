package io.scamflow.synth;

import java.io.Serializable;
import java.util.List;

/**
 * One designation on the synthetic sanctions lists: which entity, from which publication day, under
 * which program, with its aliases, crypto addresses ({currency, address}), links and list ids.
 */
record Designation(
    Entity entity,
    int listedDay,
    String program,
    List<String> aliases,
    List<String[]> wallets,
    List<String> linkedTo,
    int ofacUid,
    boolean onUn,
    int unDataId,
    String unReference)
    implements Serializable {

  boolean individual() {
    return entity.kind().equals("person");
  }
}
