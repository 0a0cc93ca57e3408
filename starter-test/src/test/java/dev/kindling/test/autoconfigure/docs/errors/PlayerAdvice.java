package dev.kindling.test.autoconfigure.docs.errors;

// tag::page[]
import dev.kindling.ErrorCondition;
import dev.kindling.XmppErrorException;
import dev.kindling.handler.XmppAdvice;
import dev.kindling.handler.XmppExceptionHandler;

@XmppAdvice                                  // applies to every handler bean; a @Component
class PlayerAdvice {

    @XmppExceptionHandler
    XmppErrorException unknown(UnknownPlayerException ex) {
        return new XmppErrorException(ErrorCondition.ITEM_NOT_FOUND, ex.getMessage());
    }
}
// end::page[]
