// ProgressStore: self-check answers and the spaced-repetition state of each question.
#include "progress/progressstore.h"

#include "progress/progressstorerows.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

using ProgressStoreRows::fromMs;

namespace {

const QString CardColumns = u"question_id, topic_id, stability, difficulty, reps, lapses, "
                            "last_correct, last_ms, due_ms"_s;

ReviewCard cardFrom(const QSqlQuery &query)
{
    ReviewCard card;
    card.questionId = query.value(0).toString();
    card.topicId = query.value(1).toString();
    card.stability = query.value(2).toDouble();
    card.difficulty = query.value(3).toDouble();
    card.reps = query.value(4).toInt();
    card.lapses = query.value(5).toInt();
    card.lastCorrect = query.value(6).toBool();
    card.lastReview = fromMs(query.value(7));
    card.due = fromMs(query.value(8));
    return card;
}

} // namespace

bool ProgressStore::insertAnswer(const ReviewAnswer &answer,
                                 const ReviewScheduling &schedule,
                                 ReviewCard *card,
                                 ReviewAnswer *stored)
{
    if (answer.questionId.trimmed().isEmpty())
        return fail(tr("empty question id"));
    if (!checkWritable(answer.topicId))
        return false;
    if (answer.choice < 0 || answer.choice > 3)
        return fail(tr("question '%1': choice %2 is not one of 1 to 4")
                        .arg(answer.questionId)
                        .arg(answer.choice + 1));
    if (!answer.at.isValid())
        return fail(tr("question '%1': the answer has no time").arg(answer.questionId));
    const std::optional<ReviewCard> before = reviewCard(answer.questionId);
    if (before && answer.at < before->lastReview) {
        return fail(tr("question '%1': an answer at %2 is older than its latest answer (%3)")
                        .arg(answer.questionId,
                             answer.at.toUTC().toString(Qt::ISODate),
                             before->lastReview.toString(Qt::ISODate)));
    }
    const ReviewCard after = schedule(before, answer);
    QSqlQuery query(m_db);
    if (!exec(query,
              u"INSERT INTO reviews (question_id, topic_id, choice, correct, answer_number, at_ms) "
              "VALUES (?, ?, ?, ?, ?, ?)"_s,
              {answer.questionId,
               answer.topicId,
               answer.choice,
               answer.correct ? 1 : 0,
               after.reps,
               answer.at.toMSecsSinceEpoch()})) {
        return false;
    }
    if (stored) {
        *stored = answer;
        stored->id = query.lastInsertId().toLongLong();
        stored->at = answer.at.toUTC();
    }
    if (!exec(query,
              u"INSERT OR REPLACE INTO review_cards (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s.arg(
                  CardColumns),
              {after.questionId,
               after.topicId,
               after.stability,
               after.difficulty,
               after.reps,
               after.lapses,
               after.lastCorrect ? 1 : 0,
               after.lastReview.toMSecsSinceEpoch(),
               after.due.toMSecsSinceEpoch()})) {
        return false;
    }
    if (card)
        *card = after;
    return true;
}

bool ProgressStore::recordAnswer(const ReviewAnswer &answer,
                                 const ReviewScheduling &schedule,
                                 ReviewCard *card,
                                 ReviewAnswer *stored)
{
    if (!isOpen())
        return fail(tr("the progress database is not open"));
    ReviewCard after;
    if (!writeTransaction([&] { return insertAnswer(answer, schedule, &after, stored); }))
        return false;
    if (card)
        *card = after;
    emit answerRecorded(after);
    return true;
}

bool ProgressStore::appendAnswers(const QList<ReviewAnswer> &answers,
                                  const ReviewScheduling &schedule)
{
    if (!isOpen())
        return fail(tr("the progress database is not open"));
    const bool ok = writeTransaction([&] {
        for (const ReviewAnswer &answer : answers) {
            if (!insertAnswer(answer, schedule, nullptr, nullptr))
                return false;
        }
        return true;
    });
    if (ok)
        emit progressReset();
    return ok;
}

std::optional<ReviewCard> ProgressStore::reviewCard(const QString &questionId) const
{
    QSqlQuery query(m_db);
    if (!exec(query,
              u"SELECT %1 FROM review_cards WHERE question_id = ?"_s.arg(CardColumns),
              {questionId})
        || !query.next()) {
        return std::nullopt;
    }
    return cardFrom(query);
}

QHash<QString, ReviewCard> ProgressStore::reviewCards() const
{
    QHash<QString, ReviewCard> cards;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!exec(query, u"SELECT %1 FROM review_cards"_s.arg(CardColumns)))
        return cards;
    while (query.next()) {
        ReviewCard card = cardFrom(query);
        cards.insert(card.questionId, card);
    }
    return cards;
}

QList<ReviewAnswer> ProgressStore::reviewAnswers(const QString &questionId) const
{
    QList<ReviewAnswer> answers;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    const QString select
        = u"SELECT id, question_id, topic_id, choice, correct, at_ms FROM reviews "_s;
    const bool ok
        = questionId.isEmpty()
              ? exec(query, select + u"ORDER BY at_ms, id"_s)
              : exec(query, select + u"WHERE question_id = ? ORDER BY at_ms, id"_s, {questionId});
    if (!ok)
        return answers;
    while (query.next()) {
        ReviewAnswer answer;
        answer.id = query.value(0).toLongLong();
        answer.questionId = query.value(1).toString();
        answer.topicId = query.value(2).toString();
        answer.choice = query.value(3).toInt();
        answer.correct = query.value(4).toBool();
        answer.at = fromMs(query.value(5));
        answers << answer;
    }
    return answers;
}

ReviewTimeline ProgressStore::reviewTimeline() const
{
    ReviewTimeline timeline;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!exec(query, u"SELECT at_ms, correct, answer_number FROM reviews ORDER BY at_ms, id"_s))
        return timeline;
    while (query.next()) {
        timeline.atMs << query.value(0).toLongLong();
        timeline.correct << query.value(1).toBool();
        timeline.firstAnswer << (query.value(2).toInt() == 1);
    }
    return timeline;
}
