#pragma once

#include <QPushButton>

class QLabel;

// A push button whose text wraps: an answer can be a sentence, longer than a button is wide.
// Its number is the key that picks it.
class ChoiceButton : public QPushButton
{
    Q_OBJECT

public:
    ChoiceButton(int number, const QString &text, QWidget *parent = nullptr);

    // After the answer: the mark ("✓ right", "✗ your answer") is text, not colour alone.
    void setMark(const QString &mark, bool bold);
    QString choiceText() const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

private:
    QLabel *m_label;
    QString m_text;
    int m_number;
};
