import account from "./account.json";
import auth from "./auth.json";
import browse from "./browse.json";
import categories from "./categories.json";
import cities from "./cities.json";
import comments from "./comments.json";
import common from "./common.json";
import email from "./email.json";
import errors from "./errors.json";
import ideaForm from "./ideaForm.json";
import ideaPage from "./ideaPage.json";
import ideas from "./ideas.json";
import legal from "./legal.json";
import validation from "./validation.json";

export default { account, auth, browse, categories, cities, comments, common, email, errors, ideaForm, ideaPage, ideas, legal, validation };
