#include "scan.h"

namespace dockhand {

QString scanKindName(ScanKind kind)
{
    switch (kind) {
    case ScanKind::Unknown:
        return QStringLiteral("unknown");
    case ScanKind::Product:
        return QStringLiteral("product");
    case ScanKind::Sscc:
        return QStringLiteral("sscc");
    case ScanKind::Location:
        return QStringLiteral("location");
    case ScanKind::Tote:
        return QStringLiteral("tote");
    case ScanKind::Order:
        return QStringLiteral("order");
    case ScanKind::Badge:
        return QStringLiteral("badge");
    }
    return QStringLiteral("unknown");
}

ClassifierConfig ClassifierConfig::demoDefaults()
{
    return {QRegularExpression(QStringLiteral("^[A-Z]-\\d{2}-\\d{2}$")),
            QRegularExpression(QStringLiteral("^TOTE-\\d{4}$")),
            QRegularExpression(QStringLiteral("^OP-\\d{4}$")),
            QRegularExpression(QStringLiteral("^SO-\\d{6}$"))};
}

QString Scan::element(QStringView ai) const
{
    for (const auto &e : elements) {
        if (e.ai == ai)
            return e.value;
    }
    return {};
}

ScanDecoder::ScanDecoder(ClassifierConfig config)
    : m_config(std::move(config))
{
}

Scan ScanDecoder::decode(const RawScan &raw) const
{
    Scan scan;
    scan.raw = raw;
    scan.aim = raw.aim;
    scan.text = QString::fromUtf8(raw.data);
    if (scan.text.isEmpty()) {
        scan.error = QStringLiteral("Empty scan");
        return scan;
    }
    scan.valid = true;
    const auto classify = [&](const QRegularExpression &re, ScanKind kind) {
        if (re.isValid() && re.match(scan.text).hasMatch()) {
            scan.kind = kind;
            scan.code = scan.text;
            return true;
        }
        return false;
    };
    if (classify(m_config.location, ScanKind::Location) || classify(m_config.tote, ScanKind::Tote)
        || classify(m_config.badge, ScanKind::Badge) || classify(m_config.order, ScanKind::Order))
        return scan;
    return scan;
}

} // namespace dockhand
