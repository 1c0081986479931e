/** The APIs' own base URLs, used when neither the config nor the SDK's usual variable names one. */
export const defaultBaseURLs = {
  /** The OpenAI API (the SDK appends `/chat/completions`). */
  openai: 'https://api.openai.com/v1',
  /** The Anthropic API (the SDK appends `/v1/messages`). */
  anthropic: 'https://api.anthropic.com',
  /** The Gemini API (the SDK appends `/v1beta/models/...`). */
  google: 'https://generativelanguage.googleapis.com',
} as const;
