<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AddItemsCommand</name>
    <message numerus="yes">
        <source>Add %n item(s)</source>
        <translation>
            <numerusform>Add %n item</numerusform>
            <numerusform>Add %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CalendarHeatmap</name>
    <message numerus="yes">
        <source>Current streak: %1 · Longest: %2 · A day counts from %n minute(s) of study</source>
        <translation>
            <numerusform>Current streak: %1 · Longest: %2 · A day counts from %n minute of study</numerusform>
            <numerusform>Current streak: %1 · Longest: %2 · A day counts from %n minutes of study</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangeNodeKindCommand</name>
    <message numerus="yes">
        <source>%n connection(s) removed: %1</source>
        <translation>
            <numerusform>%n connection removed: %1</numerusform>
            <numerusform>%n connections removed: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CurriculumCommands</name>
    <message numerus="yes">
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n section</numerusform>
            <numerusform>%n sections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n topic(s), about %2 of study
</source>
        <translation>
            <numerusform>%1, %n topic, about %2 of study
</numerusform>
            <numerusform>%1, %n topics, about %2 of study
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 and %n topic(s) into %2</source>
        <translation>
            <numerusform>Imported %1 and %n topic into %2</numerusform>
            <numerusform>Imported %1 and %n topics into %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Self-check: %n question(s)</source>
        <translation>
            <numerusform>Self-check: %n question</numerusform>
            <numerusform>Self-check: %n questions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DbCommands</name>
    <message numerus="yes">
        <source>%n backup(s)</source>
        <translation>
            <numerusform>%n backup</numerusform>
            <numerusform>%n backups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GitLabCiImport</name>
    <message numerus="yes">
        <source>&apos;include&apos; is not followed: the jobs and templates of %n included file(s) are not part of this import</source>
        <translation>
            <numerusform>&apos;include&apos; is not followed: the jobs and templates of %n included file are not part of this import</numerusform>
            <numerusform>&apos;include&apos; is not followed: the jobs and templates of %n included files are not part of this import</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>GitLab&apos;s stage order gives %n edge(s): each job without &apos;needs&apos; waits for every job of the stage before its own</source>
        <translation>
            <numerusform>GitLab&apos;s stage order gives %n edge: each job without &apos;needs&apos; waits for every job of the stage before its own</numerusform>
            <numerusform>GitLab&apos;s stage order gives %n edges: each job without &apos;needs&apos; waits for every job of the stage before its own</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImageExportArgumentsText</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogStudySessionCommand</name>
    <message numerus="yes">
        <source>Log %n minute(s) on “%1”</source>
        <translation>
            <numerusform>Log %n minute on “%1”</numerusform>
            <numerusform>Log %n minutes on “%1”</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Opened %1; the other %n file(s) dropped with it were not opened: one pipeline at a time</source>
        <translation>
            <numerusform>Opened %1; the other %n file dropped with it were not opened: one pipeline at a time</numerusform>
            <numerusform>Opened %1; the other %n files dropped with it were not opened: one pipeline at a time</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n answer(s) right.</source>
        <translation>
            <numerusform>%1 of %n answer right.</numerusform>
            <numerusform>%1 of %n answers right.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MarkdownImporter</name>
    <message numerus="yes">
        <source>%1; this table has only %n column(s)</source>
        <translation>
            <numerusform>%1; this table has only %n column</numerusform>
            <numerusform>%1; this table has only %n columns</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MarkdownLearning</name>
    <message numerus="yes">
        <source>question &quot;%1&quot; has %n choice(s); a question has 2 to 4, answered with the keys 1 to 4</source>
        <translation>
            <numerusform>question &quot;%1&quot; has %n choice; a question has 2 to 4, answered with the keys 1 to 4</numerusform>
            <numerusform>question &quot;%1&quot; has %n choices; a question has 2 to 4, answered with the keys 1 to 4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>question &quot;%1&quot; marks %n choice(s) with [x]; mark exactly one</source>
        <translation>
            <numerusform>question &quot;%1&quot; marks %n choice with [x]; mark exactly one</numerusform>
            <numerusform>question &quot;%1&quot; marks %n choices with [x]; mark exactly one</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MoveItemsCommand</name>
    <message numerus="yes">
        <source>Move %n item(s)</source>
        <translation>
            <numerusform>Move %n item</numerusform>
            <numerusform>Move %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrchestratorExportDialog</name>
    <message numerus="yes">
        <source>The pipeline has %n error(s): fix them to export.</source>
        <translation>
            <numerusform>The pipeline has an error: fix it to export.</numerusform>
            <numerusform>The pipeline has %n errors: fix them to export.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PipelineCommands</name>
    <message numerus="yes">
        <source>%n stage(s)</source>
        <translation>
            <numerusform>%n stage</numerusform>
            <numerusform>%n stages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n edge(s)</source>
        <translation>
            <numerusform>%n edge</numerusform>
            <numerusform>%n edges</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: not exported: the pipeline has %n error(s) (see above)</source>
        <translation>
            <numerusform>%1: not exported: the pipeline has %n error (see above)</numerusform>
            <numerusform>%1: not exported: the pipeline has %n errors (see above)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>-o -: this export is %n file(s) (%1); give -o a path</source>
        <translation>
            <numerusform>-o -: this export is %n file (%1); give -o a path</numerusform>
            <numerusform>-o -: this export is %n files (%1); give -o a path</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 to %2 (%3, %n stage(s))</source>
        <translation>
            <numerusform>Exported %1 to %2 (%3, %n stage)</numerusform>
            <numerusform>Exported %1 to %2 (%3, %n stages)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PipelineEditController</name>
    <message numerus="yes">
        <source>Copied %n item(s)</source>
        <translation>
            <numerusform>Copied %n item</numerusform>
            <numerusform>Copied %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PipelineFileActions</name>
    <message numerus="yes">
        <source>Reloaded %1, %n thing(s) it could not show: %2</source>
        <translation>
            <numerusform>Reloaded %1, %n thing it could not show: %2</numerusform>
            <numerusform>Reloaded %1, %n things it could not show: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 as a new pipeline, %n thing(s) it could not show: %2</source>
        <translation>
            <numerusform>Imported %1 as a new pipeline, %n thing it could not show: %2</numerusform>
            <numerusform>Imported %1 as a new pipeline, %n things it could not show: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PipelineImport</name>
    <message numerus="yes">
        <source>the file holds %n more YAML document(s); only this one is imported</source>
        <translation>
            <numerusform>the file holds %n more YAML document; only this one is imported</numerusform>
            <numerusform>the file holds %n more YAML documents; only this one is imported</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PipelineImportCommand</name>
    <message numerus="yes">
        <source>Imported %1 (%2) to %3: %n job(s)</source>
        <translation>
            <numerusform>Imported %1 (%2) to %3: %n job</numerusform>
            <numerusform>Imported %1 (%2) to %3: %n jobs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PipelineNodeItem</name>
    <message numerus="yes">
        <source>%1/%n topic(s) done</source>
        <translation>
            <numerusform>%1/%n topic done</numerusform>
            <numerusform>%1/%n topics done</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PipelineValidator</name>
    <message numerus="yes">
        <source>%n stage(s) are called &apos;%1&apos;: names must be unique, since exports turn them into task and job names (as Airflow task ids).</source>
        <translation>
            <numerusform>%n stage is called &apos;%1&apos;: names must be unique, since exports turn them into task and job names (as Airflow task ids).</numerusform>
            <numerusform>%n stages are called &apos;%1&apos;: names must be unique, since exports turn them into task and job names (as Airflow task ids).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressCharts</name>
    <message numerus="yes">
        <source>No pace yet: nothing finished in the last %n day(s)</source>
        <translation>
            <numerusform>No pace yet: nothing finished in the last %n day</numerusform>
            <numerusform>No pace yet: nothing finished in the last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Target %1: behind by %n day(s)</source>
        <translation>
            <numerusform>Target %1: behind by %n day</numerusform>
            <numerusform>Target %1: behind by %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressCommands</name>
    <message numerus="yes">
        <source>%1 of %n topic(s) finished (%2%), %3 learning, %4 studied
</source>
        <translation>
            <numerusform>%1 of %n topic finished (%2%), %3 learning, %4 studied
</numerusform>
            <numerusform>%1 of %n topics finished (%2%), %3 learning, %4 studied
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressDatabaseCheck</name>
    <message numerus="yes">
        <source>%n status event(s)</source>
        <translation>
            <numerusform>%n status event</numerusform>
            <numerusform>%n status events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n study session(s)</source>
        <translation>
            <numerusform>%n study session</numerusform>
            <numerusform>%n study sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found.
</source>
        <translation>
            <numerusform>%n problem found.
</numerusform>
            <numerusform>%n problems found.
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressExportText</name>
    <message numerus="yes">
        <source>the last %n day(s)</source>
        <translation>
            <numerusform>the last %n day</numerusform>
            <numerusform>the last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pace: %1 topics a week over the last %n day(s); at this pace the last topic is finished on %2.</source>
        <translation>
            <numerusform>Pace: %1 topics a week over the last %n day; at this pace the last topic is finished on %2.</numerusform>
            <numerusform>Pace: %1 topics a week over the last %n days; at this pace the last topic is finished on %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No pace yet: nothing finished in the last %n day(s).</source>
        <translation>
            <numerusform>No pace yet: nothing finished in the last %n day.</numerusform>
            <numerusform>No pace yet: nothing finished in the last %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Target %1: behind by %n day(s).</source>
        <translation>
            <numerusform>Target %1: behind by %n day.</numerusform>
            <numerusform>Target %1: behind by %n days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressReportCommands</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pace: %1 topics a week (%2 finished in the last %n day(s))</source>
        <translation>
            <numerusform>Pace: %1 topics a week (%2 finished in the last %n day)</numerusform>
            <numerusform>Pace: %1 topics a week (%2 finished in the last %n days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished: %1 of %n topic(s) (%2%), %3 learning
</source>
        <translation>
            <numerusform>Finished: %1 of %n topic (%2%), %3 learning
</numerusform>
            <numerusform>Finished: %1 of %n topics (%2%), %3 learning
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Streak: %1 (longest %2; a day counts from %n minute(s))
</source>
        <translation>
            <numerusform>Streak: %1 (longest %2; a day counts from %n minute)
</numerusform>
            <numerusform>Streak: %1 (longest %2; a day counts from %n minutes)
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n status event(s)</source>
        <translation>
            <numerusform>%n status event</numerusform>
            <numerusform>%n status events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n study session(s)</source>
        <translation>
            <numerusform>%n study session</numerusform>
            <numerusform>%n study sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Self-check: %1 due today, %2 in the next %3 days; %4 of %n question(s) answered
</source>
        <translation>
            <numerusform>Self-check: %1 due today, %2 in the next %3 days; %4 of %n question answered
</numerusform>
            <numerusform>Self-check: %1 due today, %2 in the next %3 days; %4 of %n questions answered
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>retention %1% (%2 of %n review(s) right)
</source>
        <translation>
            <numerusform>retention %1% (%2 of %n review right)
</numerusform>
            <numerusform>retention %1% (%2 of %n reviews right)
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressTiles</name>
    <message numerus="yes">
        <source>studied in the last %n day(s)</source>
        <translation>
            <numerusform>studied in the last %n day</numerusform>
            <numerusform>studied in the last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>complete · %1 of %n topic(s) finished</source>
        <translation>
            <numerusform>complete · %1 of %n topic finished</numerusform>
            <numerusform>complete · %1 of %n topics finished</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>current streak · longest %n day(s)</source>
        <translation>
            <numerusform>current streak · longest %n day</numerusform>
            <numerusform>current streak · longest %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>topic(s) in progress</source>
        <translation>
            <numerusform>topic in progress</numerusform>
            <numerusform>topics in progress</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressWorkspace</name>
    <message numerus="yes">
        <source>Logged %n minute(s) (Ctrl+Z takes them back)</source>
        <translation>
            <numerusform>Logged %n minute (Ctrl+Z takes it back)</numerusform>
            <numerusform>Logged %n minutes (Ctrl+Z takes them back)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuizCommands</name>
    <message numerus="yes">
        <source>%n question(s) due</source>
        <translation>
            <numerusform>%n question due</numerusform>
            <numerusform>%n questions due</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemoveItemsCommand</name>
    <message numerus="yes">
        <source>Delete %n item(s)</source>
        <translation>
            <numerusform>Delete %n item</numerusform>
            <numerusform>Delete %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message numerus="yes">
        <source>%1 of %n answer(s) right.</source>
        <translation>
            <numerusform>%1 of %n answer right.</numerusform>
            <numerusform>%1 of %n answers right.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoadmapHandout</name>
    <message numerus="yes">
        <source>%1 of %n topic(s) finished (%2%)</source>
        <translation>
            <numerusform>%1 of %n topic finished (%2%)</numerusform>
            <numerusform>%1 of %n topics finished (%2%)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n topic(s), %1</source>
        <translation>
            <numerusform>%n topic, %1</numerusform>
            <numerusform>%n topics, %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoadmapWorkspace</name>
    <message numerus="yes">
        <source>%n topic(s) match — Enter goes to the first</source>
        <translation>
            <numerusform>%n topic matches — Enter goes to it</numerusform>
            <numerusform>%n topics match — Enter goes to the first</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n topic(s) finished (%2%)</source>
        <translation>
            <numerusform>%1 of %n topic finished (%2%)</numerusform>
            <numerusform>%1 of %n topics finished (%2%)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n topic(s) finished (%2%) · Mastery %3/%4</source>
        <translation>
            <numerusform>%1 of %n topic finished (%2%) · Mastery %3/%4</numerusform>
            <numerusform>%1 of %n topics finished (%2%) · Mastery %3/%4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mastery: %1 of %n self-check question(s) remembered — answered right and not due again yet</source>
        <translation>
            <numerusform>Mastery: %1 of %n self-check question remembered — answered right and not due again yet</numerusform>
            <numerusform>Mastery: %1 of %n self-check questions remembered — answered right and not due again yet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SectionItem</name>
    <message numerus="yes">
        <source>%n topic(s) · %1</source>
        <translation>
            <numerusform>%n topic · %1</numerusform>
            <numerusform>%n topics · %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n self-check question(s) remembered</source>
        <translation>
            <numerusform>%1 of %n self-check question remembered</numerusform>
            <numerusform>%1 of %n self-check questions remembered</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StudySessionsPanel</name>
    <message numerus="yes">
        <source>Delete %n study session(s)</source>
        <translation>
            <numerusform>Delete a study session</numerusform>
            <numerusform>Delete %n study sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n study session(s) (Ctrl+Z brings them back)</source>
        <translation>
            <numerusform>Deleted a study session (Ctrl+Z brings it back)</numerusform>
            <numerusform>Deleted %n study sessions (Ctrl+Z brings them back)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StudyTimerWidget</name>
    <message numerus="yes">
        <source>Logged %n minute(s) on “%1”</source>
        <translation>
            <numerusform>Logged %n minute on “%1”</numerusform>
            <numerusform>Logged %n minutes on “%1”</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TopicCardItem</name>
    <message numerus="yes">
        <source>%1 of %n self-check question(s) remembered</source>
        <translation>
            <numerusform>%1 of %n self-check question remembered</numerusform>
            <numerusform>%1 of %n self-check questions remembered</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TopicPanel</name>
    <message numerus="yes">
        <source>%1 of %n topic(s) finished · %2</source>
        <translation>
            <numerusform>%1 of %n topic finished · %2</numerusform>
            <numerusform>%1 of %n topics finished · %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s), none answered yet.</source>
        <translation>
            <numerusform>%n question, none answered yet.</numerusform>
            <numerusform>%n questions, none answered yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n question(s) remembered, %2 answered.</source>
        <translation>
            <numerusform>%1 of %n question remembered, %2 answered.</numerusform>
            <numerusform>%1 of %n questions remembered, %2 answered.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marked done, but none of its %n question(s) answered yet</source>
        <translation>
            <numerusform>Marked done, but its %n question is not answered yet</numerusform>
            <numerusform>Marked done, but none of its %n questions answered yet</numerusform>
        </translation>
    </message>
</context>
</TS>
