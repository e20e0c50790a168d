import { createContext, useContext } from "react";

// The Content-Security-Policy nonce of this response (server only; the browser hides
// nonce attributes from scripts, so on the client it is an empty string).
const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
