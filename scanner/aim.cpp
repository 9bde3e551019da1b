#include "aim.h"

#include <array>

namespace dockhand {

namespace {

struct Entry
{
    char letter;
    char modifier;
    const char *symbology;
    bool gs1;
};

// The identifiers seen on warehouse floors (ISO/IEC 15424 and the symbology standards).
// Modifiers that only change how the check digit is transmitted keep the same name.
constexpr std::array kTable = {
    Entry {'A', '0', "Code 39", false},
    Entry {'A', '1', "Code 39", false},
    Entry {'A', '3', "Code 39", false},
    Entry {'A', '4', "Code 39 Full ASCII", false},
    Entry {'A', '5', "Code 39 Full ASCII", false},
    Entry {'A', '7', "Code 39 Full ASCII", false},
    Entry {'C', '0', "Code 128", false},
    Entry {'C', '1', "GS1-128", true},
    Entry {'C', '2', "Code 128 (AIM, FNC1 in second position)", false},
    Entry {'C', '4', "Code 128 (ISBT 128 concatenation)", false},
    Entry {'E', '0', "EAN-13", false},
    Entry {'E', '1', "EAN two-digit add-on", false},
    Entry {'E', '2', "EAN five-digit add-on", false},
    Entry {'E', '3', "EAN-13 with add-on", false},
    Entry {'E', '4', "EAN-8", false},
    Entry {'F', '0', "Codabar", false},
    Entry {'F', '1', "Codabar", false},
    Entry {'F', '2', "Codabar", false},
    Entry {'F', '4', "Codabar", false},
    Entry {'G', '0', "Code 93", false},
    Entry {'H', '0', "Code 11", false},
    Entry {'H', '1', "Code 11", false},
    Entry {'H', '3', "Code 11", false},
    Entry {'I', '0', "ITF", false},
    Entry {'I', '1', "ITF", false},
    Entry {'I', '3', "ITF", false},
    Entry {'K', '0', "Code 16K", false},
    Entry {'K', '1', "Code 16K (GS1)", true},
    Entry {'L', '0', "PDF417", false},
    Entry {'L', '1', "PDF417", false},
    Entry {'L', '2', "PDF417", false},
    Entry {'M', '0', "MSI", false},
    Entry {'M', '1', "MSI", false},
    Entry {'P', '0', "Plessey", false},
    Entry {'Q', '0', "QR Code (model 1)", false},
    Entry {'Q', '1', "QR Code", false},
    Entry {'Q', '2', "QR Code", false},
    Entry {'Q', '3', "GS1 QR Code", true},
    Entry {'Q', '4', "GS1 QR Code", true},
    Entry {'Q', '5', "QR Code (FNC1 in second position)", false},
    Entry {'Q', '6', "QR Code (FNC1 in second position)", false},
    Entry {'R', '0', "Straight 2 of 5 (2-bar)", false},
    Entry {'S', '0', "Industrial 2 of 5", false},
    Entry {'T', '0', "Code 49", false},
    Entry {'U', '0', "MaxiCode", false},
    Entry {'U', '1', "MaxiCode", false},
    Entry {'U', '2', "MaxiCode", false},
    Entry {'U', '3', "MaxiCode", false},
    Entry {'X', '0', "Other", false},
    Entry {'Z', '0', "Keyboard", false},
    Entry {'d', '0', "Data Matrix (ECC 000-140)", false},
    Entry {'d', '1', "Data Matrix", false},
    Entry {'d', '2', "GS1 DataMatrix", true},
    Entry {'d', '3', "Data Matrix (FNC1 in second position)", false},
    Entry {'d', '4', "Data Matrix", false},
    Entry {'d', '5', "GS1 DataMatrix", true},
    Entry {'d', '6', "Data Matrix (FNC1 in second position)", false},
    Entry {'e', '0', "GS1 DataBar", true},
    Entry {'e', '1', "GS1 Composite", true},
    Entry {'e', '2', "GS1 Composite", true},
    Entry {'e', '3', "GS1 DataBar Expanded", true},
    Entry {'h', '0', "Han Xin", false},
    Entry {'h', '1', "Han Xin", false},
    Entry {'J', '0', "DotCode", false},
    Entry {'J', '1', "GS1 DotCode", true},
    Entry {'J', '2', "DotCode (FNC1 in second position)", false},
    Entry {'J', '3', "DotCode", false},
    Entry {'z', '0', "Aztec", false},
    Entry {'z', '1', "GS1 Aztec", true},
    Entry {'z', '2', "Aztec (FNC1 in second position)", false},
    Entry {'z', '3', "Aztec", false},
    Entry {'z', '4', "GS1 Aztec", true},
    Entry {'z', '5', "Aztec (FNC1 in second position)", false},
};

bool isModifier(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

const Entry *findLetter(char letter)
{
    for (const auto &e : kTable) {
        if (e.letter == letter)
            return &e;
    }
    return nullptr;
}

} // namespace

AimInfo Aim::info(QStringView id)
{
    AimInfo info;
    info.id = id.toString();
    if (id.size() != 3 || id.at(0) != QLatin1Char(']'))
        return info;
    const QChar letter = id.at(1);
    const QChar modifier = id.at(2);
    if (letter.unicode() > 127 || modifier.unicode() > 127)
        return info;
    for (const auto &e : kTable) {
        if (e.letter == letter.toLatin1() && e.modifier == modifier.toLatin1()) {
            info.symbology = QString::fromUtf8(e.symbology);
            info.gs1 = e.gs1;
            info.known = true;
            return info;
        }
    }
    // An unlisted modifier of a known symbology (a vendor's option): name it, claim no GS1.
    if (const Entry *e = findLetter(letter.toLatin1()))
        info.symbology = QString::fromUtf8(e->symbology);
    return info;
}

bool Aim::startsWithId(QByteArrayView data)
{
    return data.size() >= 3 && data.at(0) == ']' && findLetter(data.at(1)) != nullptr
        && isModifier(data.at(2));
}

QByteArrayView Aim::split(QByteArrayView data, QString *id)
{
    if (!startsWithId(data)) {
        if (id)
            id->clear();
        return data;
    }
    if (id)
        *id = QString::fromLatin1(data.first(3));
    return data.sliced(3);
}

} // namespace dockhand
