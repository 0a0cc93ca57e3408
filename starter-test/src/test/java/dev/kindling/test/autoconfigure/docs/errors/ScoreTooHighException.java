package dev.kindling.test.autoconfigure.docs.errors;

class ScoreTooHighException extends RuntimeException {

    private final int points;

    ScoreTooHighException(int points) {
        super("Score too high: " + points);
        this.points = points;
    }

    int points() {
        return this.points;
    }
}
