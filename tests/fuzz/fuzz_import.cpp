// libFuzzer target: the orders import parsers (orders/importparsers.h) fed arbitrary bytes, with
// no server around them. The first byte picks CSV or JSON. Whatever arrives, the parser answers
// either with a whole-upload error, or with orders and row errors where every order it accepts is
// one the database can take: a number of 1 to 64 characters, a customer, at least one line, line
// numbers positive and distinct, GTINs in their 14-digit form, quantities from 1 to 100000.
#include "orders/importparsers.h"

#include <QSet>

#include <cstdint>
#include <cstdlib>

using namespace dockhand::server;

namespace {

void check(bool ok)
{
    if (!ok)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray body(reinterpret_cast<const char *>(data) + 1, qsizetype(size) - 1);
    const bool csv = data[0] % 2 == 0;
    const ImportParse parsed = csv ? parseOrdersCsv(body) : parseOrdersJson(body);
    if (!parsed.error.isEmpty()) {
        // A whole-upload error comes alone, and only from JSON (CSV answers per row).
        check(!csv && parsed.orders.isEmpty() && parsed.errors.isEmpty());
        return 0;
    }
    // Something to import, or a reason per row why not.
    check(!parsed.orders.isEmpty() || !parsed.errors.isEmpty());
    for (const RowError &e : parsed.errors)
        check(e.row >= 1 && !e.message.isEmpty());
    if (!parsed.errors.isEmpty())
        return 0; // nothing is imported then, whatever the orders hold
    QSet<QString> numbers;
    for (const ImportOrder &item : parsed.orders) {
        const WarehouseData::Order &o = item.order;
        check(item.row >= 1);
        check(!o.number.isEmpty() && o.number.size() <= 64 && !numbers.contains(o.number));
        numbers.insert(o.number);
        check(!o.customer.isEmpty() && o.status == QLatin1String("received") && !o.lines.isEmpty());
        QSet<int> lines;
        for (const WarehouseData::OrderLine &l : o.lines) {
            check(l.line > 0 && !lines.contains(l.line));
            lines.insert(l.line);
            check(l.gtin.size() == 14 && gtin14(l.gtin) == l.gtin);
            check(l.quantity >= 1 && l.quantity <= 100000);
        }
    }
    return 0;
}
