import account from "./account.json";
import administration from "./administration.json";
import auth from "./auth.json";
import browse from "./browse.json";
import categories from "./categories.json";
import cities from "./cities.json";
import comments from "./comments.json";
import common from "./common.json";
import consultations from "./consultations.json";
import email from "./email.json";
import errors from "./errors.json";
import ideaForm from "./ideaForm.json";
import ideaPage from "./ideaPage.json";
import ideas from "./ideas.json";
import legal from "./legal.json";
import moderation from "./moderation.json";
import notifications from "./notifications.json";
import officials from "./officials.json";
import organizations from "./organizations.json";
import participation from "./participation.json";
import validation from "./validation.json";

export default {
  account,
  administration,
  auth,
  browse,
  categories,
  cities,
  comments,
  common,
  consultations,
  email,
  errors,
  ideaForm,
  ideaPage,
  ideas,
  legal,
  moderation,
  notifications,
  officials,
  organizations,
  participation,
  validation,
};
