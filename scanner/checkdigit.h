#pragma once

#include <string_view>

namespace dockhand {

// GS1 check digits and check character pairs. Pure functions on std::string_view so the GS1
// parser, the classifier and the label maker all share one implementation.
class CheckDigit
{
public:
    // The mod-10 check digit (weights 3,1,3,1... from the rightmost digit) for `digits`,
    // which excludes the check digit. -1 when `digits` is empty or holds a non-digit.
    static int mod10(std::string_view digits);

    // True when the last digit of `digitsWithCheck` is the mod-10 check digit of the rest.
    static bool isValidMod10(std::string_view digitsWithCheck);

    // The two check characters (CSET 32) for `data` (CSET 82, without the pair), as used by
    // GMN (AI 8013) and MUDI (AI 8014). Writes into `out[0..1]`; false when `data` holds a
    // character outside CSET 82 or is longer than the algorithm is defined for (97).
    static bool alphaPair(std::string_view data, char out[2]);

    // True when the last two characters of `dataWithPair` are the check pair of the rest.
    static bool isValidAlphaPair(std::string_view dataWithPair);
};

} // namespace dockhand
