#pragma once

#include "gs1aidictionary.h"
#include "scan.h"

#include <QByteArrayView>
#include <QDate>
#include <QList>
#include <QString>

#include <string_view>

namespace dockhand {

// The outcome of reading GS1 data: elements in transmitted order, or an operator-readable
// reason that names the AI and the fault.
struct Gs1ParseResult
{
    bool valid = false;
    QString error;
    QList<Gs1Element> elements;
    QString hri; // "(01)09506000134352(10)ABC123"
};

// Reads GS1 element strings (the data after FNC1 in first position, separators as byte 0x1D)
// against the AI dictionary, and checks values handed over already split (Digital Link).
// Const and thread-safe once configured.
class Gs1Parser
{
public:
    static constexpr char kGroupSeparator = '\x1d';

    explicit Gs1Parser(const Gs1AiDictionary &dictionary = Gs1AiDictionary::instance());

    // The date two-digit years are resolved against (GS1 century rule). Defaults to the
    // current date at each call; tests pin it.
    void setToday(QDate today) { m_today = today; }
    QDate today() const;

    // Whether "req=" / "ex=" pairing rules of the dictionary are enforced (default: yes).
    // Duplicate AIs with different values are always refused.
    void setCheckPairing(bool check) { m_checkPairing = check; }

    // Parses an element string. A leading GS (FNC1 transmitted as data), a GS after a
    // fixed-length element and a trailing GS are tolerated; two GS in a row are not.
    Gs1ParseResult parse(QByteArrayView data) const;
    Gs1ParseResult parse(std::string_view data) const
    {
        return parse(QByteArrayView(data.data(), qsizetype(data.size())));
    }

    // Parses the bracketed human-readable form "(01)09506000134352(10)ABC123".
    Gs1ParseResult parseHri(QStringView hri) const;

    // Checks already separated AI/value pairs (for Digital Link): every value against its AI,
    // then duplicates and pairing. Fills titles, decimals and units.
    Gs1ParseResult fromPairs(const QList<std::pair<QString, QString>> &pairs) const;

    // Checks one value against its AI; returns the fault ("AI 01: check digit should be 7,
    // got 3") or an empty string.
    QString checkValue(const Gs1AiSpec &spec, QByteArrayView value) const;

    // Checks duplicates and the pairing rules over a whole message; empty when fine.
    QString checkPairing(const QList<Gs1Element> &elements) const;

    // The element string for `elements` (GS only after variable-length elements that are
    // not last), the inverse of parse().
    QByteArray toElementString(const QList<Gs1Element> &elements) const;

    static QString toHri(const QList<Gs1Element> &elements);

    // Date from YYMMDD (or YYYYMMDD) with the GS1 century rule against `today`. Day 00 gives
    // the last day of the month. Invalid when the text is not such a date.
    static QDate gs1Date(QStringView digits, QDate today);

private:
    Gs1ParseResult parseImpl(QByteArrayView data, bool suggest) const;
    Gs1Element makeElement(const Gs1AiSpec &spec, QByteArrayView value) const;
    Gs1ParseResult finish(QList<Gs1Element> elements) const;

    const Gs1AiDictionary &m_dictionary;
    QDate m_today;
    bool m_checkPairing = true;
};

} // namespace dockhand
