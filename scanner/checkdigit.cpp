#include "checkdigit.h"

#include <array>

namespace dockhand {

int CheckDigit::mod10(std::string_view digits)
{
    if (digits.empty())
        return -1;
    int sum = 0;
    bool three = true; // the rightmost data digit has weight 3
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        const char c = *it;
        if (c < '0' || c > '9')
            return -1;
        sum += (c - '0') * (three ? 3 : 1);
        three = !three;
    }
    return (10 - sum % 10) % 10;
}

bool CheckDigit::isValidMod10(std::string_view digitsWithCheck)
{
    if (digitsWithCheck.size() < 2)
        return false;
    const char last = digitsWithCheck.back();
    if (last < '0' || last > '9')
        return false;
    return mod10(digitsWithCheck.substr(0, digitsWithCheck.size() - 1)) == last - '0';
}

namespace {
// GS1 General Specifications, "Check character calculation (for alphanumeric keys)": data
// characters weigh by their position in CSET 82, multiplied by increasing primes from the right.
constexpr std::string_view kCset82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_"
                                     "abcdefghijklmnopqrstuvwxyz";
constexpr std::string_view kCset32 = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
constexpr std::array<int, 97> kPrimes = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61,
    67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173,
    179, 181, 191, 193, 197, 199, 211, 223, 227, 229, 233, 239, 241, 251, 257, 263, 269, 271, 277, 281, 283,
    293, 307, 311, 313, 317, 331, 337, 347, 349, 353, 359, 367, 373, 379, 383, 389, 397, 401, 409, 419, 421,
    431, 433, 439, 443, 449, 457, 461, 463, 467, 479, 487, 491, 499, 503, 509};
} // namespace

bool CheckDigit::alphaPair(std::string_view data, char out[2])
{
    if (data.size() > kPrimes.size())
        return false;
    int sum = 0;
    const std::size_t n = data.size();
    for (std::size_t i = 0; i < n; ++i) {
        const auto pos = kCset82.find(data[i]);
        if (pos == std::string_view::npos)
            return false;
        sum += int(pos) * kPrimes[n - 1 - i];
    }
    sum %= 1021;
    out[0] = kCset32[std::size_t(sum >> 5)];
    out[1] = kCset32[std::size_t(sum & 31)];
    return true;
}

bool CheckDigit::isValidAlphaPair(std::string_view dataWithPair)
{
    if (dataWithPair.size() < 2)
        return false;
    char pair[2];
    if (!alphaPair(dataWithPair.substr(0, dataWithPair.size() - 2), pair))
        return false;
    return pair[0] == dataWithPair[dataWithPair.size() - 2] && pair[1] == dataWithPair.back();
}

} // namespace dockhand
