package io.scamflow.run;

import io.scamflow.config.Settings;
import io.scamflow.table.Lakehouse;
import java.util.Optional;

/**
 * What a stage may use: the lakehouse, the settings, its run, and the landing zone root (a path or
 * URI) if the run has one.
 */
public record StageContext(
    Lakehouse lakehouse, Settings settings, RunContext run, Optional<String> landingRoot) {}
