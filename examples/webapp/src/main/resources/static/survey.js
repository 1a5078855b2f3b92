// Display logic on the survey page: shows a question only while its condition holds, as the library decides on
// the server. Conditions come in the survey format's JSON (data-condition); a hidden question's controls are
// disabled, so its answer is not sent. Without this script every question shows and the server drops the answers
// that the customer's own answers hide.
(function () {
    'use strict';
    document.documentElement.classList.add('js');
    var form = document.getElementById('survey');
    if (!form) {
        return;
    }
    var questions = Array.prototype.slice.call(form.querySelectorAll('[data-question]'));

    function controls(question) {
        var name = 'q.' + question.getAttribute('data-question');
        return Array.prototype.slice.call(question.querySelectorAll('input, textarea')).filter(function (el) {
            return el.name === name;
        });
    }

    function otherText(question) {
        var name = 'q.' + question.getAttribute('data-question') + '.other';
        var other = Array.prototype.slice.call(question.querySelectorAll('input')).filter(function (el) {
            return el.name === name;
        })[0];
        return other ? other.value.trim() : '';
    }

    // The answer as the library sees it, or undefined when the question is not answered.
    function answerOf(question) {
        var type = question.getAttribute('data-type');
        var inputs = controls(question);
        if (type === 'text') {
            var text = inputs.length ? inputs[0].value : '';
            return text.trim() === '' ? undefined : {kind: 'text', value: text};
        }
        var chosen = inputs.filter(function (el) { return el.checked; }).map(function (el) { return el.value; });
        if (type === 'nps' || type === 'rating') {
            return chosen.length ? {kind: 'rating', value: parseInt(chosen[0], 10)} : undefined;
        }
        if (type === 'yesNo') {
            return chosen.length ? {kind: 'yesNo', value: chosen[0]} : undefined;
        }
        var other = otherText(question);
        return chosen.length || other ? {kind: 'choice', options: chosen} : undefined;
    }

    function matches(answer, values) {
        if (answer.kind === 'rating') {
            return values.indexOf(String(answer.value)) >= 0;
        }
        if (answer.kind === 'choice') {
            return answer.options.some(function (option) { return values.indexOf(option) >= 0; });
        }
        return values.indexOf(answer.value) >= 0;
    }

    // Mirrors the library's conditions: a comparison on an unanswered question is false.
    function holds(condition, answers) {
        var answer = answers[condition.question];
        switch (condition.type) {
            case 'answered': return answer !== undefined;
            case 'notAnswered': return answer === undefined;
            case 'atLeast': return answer !== undefined && answer.kind === 'rating' && answer.value >= condition.value;
            case 'atMost': return answer !== undefined && answer.kind === 'rating' && answer.value <= condition.value;
            case 'equals': return answer !== undefined && matches(answer, [condition.value]);
            case 'in': return answer !== undefined && matches(answer, condition.values);
            case 'all': return condition.conditions.every(function (part) { return holds(part, answers); });
            case 'any': return condition.conditions.some(function (part) { return holds(part, answers); });
            case 'not': return !holds(condition.condition, answers);
            default: return true;
        }
    }

    function update() {
        var answers = {};
        questions.forEach(function (question) {
            var text = question.getAttribute('data-condition');
            var visible = !text || holds(JSON.parse(text), answers);
            question.hidden = !visible;
            question.querySelectorAll('input, textarea').forEach(function (el) { el.disabled = !visible; });
            if (visible) {
                var answer = answerOf(question);
                if (answer !== undefined) {
                    answers[question.getAttribute('data-question')] = answer;
                }
            }
        });
    }

    form.addEventListener('change', update);
    form.addEventListener('input', update);
    update();
    var summary = document.getElementById('error-summary');
    if (summary) {
        summary.focus();
    }
}());
