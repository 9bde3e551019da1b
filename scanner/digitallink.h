#pragma once

#include "gs1parser.h"

#include <QStringView>

#include <optional>

namespace dockhand {

// GS1 Digital Link URIs: "https://<any domain>[/prefix]/01/09506000134352/10/ABC?17=201225".
// The primary key and its qualifiers come from the path, attributes from the query; values are
// percent-decoded and checked like any GS1 element, so a Digital Link gives the same elements
// as the equivalent element string.
class DigitalLink
{
public:
    // True when `text` is an http(s) URI whose path holds a Digital Link primary key AI
    // followed by a value. Cheap: used to decide whether to parse at all.
    static bool looksLike(QStringView text, const Gs1AiDictionary &dictionary = Gs1AiDictionary::instance());

    // Parses `uri`. std::nullopt when it is not a Digital Link at all (an ordinary URL);
    // otherwise the elements or the reason they are wrong.
    static std::optional<Gs1ParseResult> parse(QStringView uri, const Gs1Parser &parser,
        const Gs1AiDictionary &dictionary = Gs1AiDictionary::instance());
};

} // namespace dockhand
