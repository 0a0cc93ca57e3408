package dev.kindling.test.autoconfigure.docs.errors;

class UnknownPlayerException extends RuntimeException {

    UnknownPlayerException(String player) {
        super("Unknown player " + player);
    }
}
