#include "feedback.h"

namespace dockhand {

void Feedback::show(const QString &step, const QString &result, const QString &message, const QString &text)
{
    m_step = step;
    m_result = result;
    m_message = message;
    m_text = text;
    ++m_serial;
    emit changed();
}

} // namespace dockhand
