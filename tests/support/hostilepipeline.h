#pragma once

#include "pipeline/pipelinegraph.h"

#include <QString>
#include <QStringList>

// A valid pipeline whose user text tries everything an engine might evaluate or a format might
// mistake for structure: YAML specials, quotes and line breaks, Argo {{ }}, GitHub ${{ }}, DVC
// ${ }, shell $( ), GitLab $VAR, %VAR% and $[[ ]], Jinja {% %} and an early {% endraw %}, Python
// code, Kubernetes $(VAR), invisible and non-ASCII characters, names that sanitize to the same id
// or to nothing, and a very long name. The stages form a chain of generic steps, data to data.
struct HostilePipeline
{
    QList<PipelineNode> nodes;
    QList<PipelineEdge> edges;

    static QStringList texts()
    {
        using namespace Qt::StringLiterals;
        return {
            u"yes"_s,
            u"on"_s,
            u"0755"_s,
            u"null"_s,
            u"~"_s,
            u"key: value"_s,
            u"- item"_s,
            u"say \"hi\" and 'bye' \\ done"_s,
            u"line one\nline two\r\nline three\rend"_s,
            u"tab\there"_s,
            u"{{workflow.name}} {{=sprig.env('HOME')}} {{ inputs.parameters.x }}"_s,
            u"{{{triple}}} {{"_s,
            u"${{ secrets.GITHUB_TOKEN }} ${{ github.event.issue.title }}"_s,
            u"${HOME} ${{x}} \\${escaped}"_s,
            u"$(whoami) `id` $HOME $$ $ $(MLOPS_LBRACE)"_s,
            u"$CI_JOB_TOKEN ${CI_JOB_TOKEN} %CI_JOB_TOKEN% $[[ inputs.x ]] $(rm -rf /)"_s,
            u"{% raw %}{% endraw %}{{ 7 * 7 }}{%- endraw -%}{# comment #}"_s,
            u"'''\"\"\"; import os; os.system(\"echo injected\") #"_s,
            u"\"); __import__('os').system('echo injected'); (\""_s,
            u"config.yaml"_s,
            u"--config.file=/etc/app.JSON"_s,
            u"trailing newline\n"_s,
            u"Überwachung — 日本語 — emoji 🚀"_s,
            u"bidi \u202Eevil\u202C zero\u200Bwidth nbsp\u00A0 ls\u2028ps\u2029 del\u007F bom\uFEFF"_s,
            u"%1 %s {0} <script>"_s,
            u""_s,
        };
    }

    static HostilePipeline make()
    {
        using namespace Qt::StringLiterals;
        const QStringList hostile = texts();
        QStringList names = hostile.mid(0, hostile.size() - 1); // not the empty one
        names << u"Train model"_s << u"train-model"_s << u"TRAIN_MODEL"_s << u"train  model!"_s
              << u"???"_s << u"日本語"_s << u"123 start with digits"_s << QString(300, u'x')
              << QString(300, u'x') + u'y';
        HostilePipeline pipeline;
        for (qsizetype i = 0; i < names.size(); ++i) {
            PipelineNode node;
            node.id = u"n%1"_s.arg(i);
            node.kind = u"step"_s;
            node.name = names.at(i);
            node.pos = QPointF(i * 260, 0);
            node.tool = hostile.at(i % hostile.size());
            node.image = u"python:3.11-slim"_s;
            // argv: a plain program, then every hostile text as one argument each, rotated so
            // each stage differs; argv[0] itself is hostile in some stages.
            node.command = {i % 3 == 0 ? hostile.at(i % hostile.size()) : u"python"_s};
            for (qsizetype k = 0; k < 4; ++k)
                node.command << hostile.at((i + k) % hostile.size());
            node.parameters
                = {{hostile.at(i % hostile.size()), hostile.at((i + 5) % hostile.size())},
                   {u"a-b"_s, hostile.at((i + 7) % hostile.size())},
                   {u"a_b"_s, u"null"_s}};
            node.notes = hostile.at((i + 3) % hostile.size());
            pipeline.nodes << node;
            if (i > 0)
                pipeline.edges.append(
                    PipelineEdge{{u"n%1"_s.arg(i - 1), u"data"_s}, {node.id, u"data"_s}});
        }
        return pipeline;
    }
};
