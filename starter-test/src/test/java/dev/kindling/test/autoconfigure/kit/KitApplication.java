package dev.kindling.test.autoconfigure.kit;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The bot the kit's own tests run: the handler beans of this package. */
@SpringBootApplication
class KitApplication {

}
