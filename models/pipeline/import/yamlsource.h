#pragma once

#include "pipeline/import/importedpipeline.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <yaml-cpp/yaml.h>

#include <vector>

// Reading YAML (and JSON, which is YAML too) safely for the importers: size and binary checks
// before parsing, parse errors with their line (the tree is yamltree.h's), and helpers that
// never follow an alias chain into an exponential walk ("billion laughs") or recurse without end.
namespace YamlSource {

// Every document of `data`; throws ImportError for text that is not YAML, binary data, or
// nesting deeper than the parser allows.
std::vector<YAML::Node> load(const QByteArray &data);

int lineOf(const YAML::Node &node);     // 1-based, 0 for a null node
QString scalar(const YAML::Node &node); // empty unless a scalar
bool isMap(const YAML::Node &node);
bool isList(const YAML::Node &node);
// A member of a map, or a null node (never throws, unlike operator[] on a scalar).
YAML::Node member(const YAML::Node &map, const char *key);
// A scalar, or each scalar of a list: `needs: build` and `needs: [build, test]` alike.
QStringList scalarOrList(const YAML::Node &node);
// The node as one line of YAML-ish text for the property panel ("{os: [ubuntu, macos]}"),
// shortened past `maxChars`. Visits at most a few thousand nodes, however many aliases.
QString brief(const YAML::Node &node, int maxChars = 400);
} // namespace YamlSource
