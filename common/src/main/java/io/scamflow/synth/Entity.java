package io.scamflow.synth;

import java.io.Serializable;

/**
 * A true person or company of the scam world (victims and honest persons are drawn procedurally by
 * {@link Population}). {@code name} is null for companies; {@code canonical} is the name as the
 * entity itself writes it.
 */
record Entity(
    String id,
    String kind,
    String canonical,
    Names.Name name,
    String country,
    String nationality,
    String dob,
    String idDocument,
    String phone,
    String email,
    String street,
    String city,
    String role,
    String schemeId)
    implements Serializable {}
