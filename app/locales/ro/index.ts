import account from "./account.json";
import auth from "./auth.json";
import cities from "./cities.json";
import common from "./common.json";
import email from "./email.json";
import errors from "./errors.json";
import legal from "./legal.json";
import validation from "./validation.json";

export default { account, auth, cities, common, email, errors, legal, validation };
