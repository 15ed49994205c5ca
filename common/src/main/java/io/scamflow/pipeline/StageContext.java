package io.scamflow.pipeline;

import io.scamflow.config.Settings;
import io.scamflow.ingest.Landing;
import io.scamflow.run.RunContext;
import io.scamflow.table.Lakehouse;
import java.util.Optional;

/** What a stage may use: the lakehouse, the settings, its run, and the landing zone if any. */
public record StageContext(
    Lakehouse lakehouse, Settings settings, RunContext run, Optional<Landing> landing) {}
