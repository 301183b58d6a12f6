import type { Message } from 'grammy/types';
import { badRequest } from './api-error.js';
import { replyCopy, type ChatState, type StoredMessage } from './state.js';

/** The thread and reply fields of a new message. */
export interface ThreadFields {
  message_thread_id?: number;
  is_topic_message?: true;
  reply_to_message?: Message;
}

/** The General topic of a forum: messages there carry no thread id at all. */
const generalTopicId = 1;

/**
 * Works out where a new message sits, as Telegram does: in a forum, a message in a topic carries
 * `message_thread_id` and `is_topic_message`, and one that replies to nothing still has the
 * topic's creation message as `reply_to_message`; in a plain supergroup a reply belongs to the
 * thread of the message it answers. An unknown thread is Telegram's 400.
 */
export function threadFields(state: ChatState, threadId: number | undefined, replyTo: StoredMessage | undefined): ThreadFields {
  const reply = replyTo ? { reply_to_message: replyCopy(replyTo.message) } : {};
  const { chat } = state;
  if (chat.type === 'supergroup' && chat.is_forum) {
    const inherited = replyTo?.message.is_topic_message ? replyTo.message.message_thread_id : undefined;
    const wanted = threadId ?? inherited;
    if (wanted === undefined || wanted === generalTopicId) return reply;
    const topic = state.topics.get(wanted);
    if (!topic) throw badRequest('message thread not found');
    return { message_thread_id: wanted, is_topic_message: true, reply_to_message: replyCopy(replyTo?.message ?? topic.root) };
  }
  if (chat.type === 'supergroup') {
    if (threadId !== undefined && !state.messages.has(threadId)) throw badRequest('message thread not found');
    const thread = threadId ?? (replyTo ? (replyTo.message.message_thread_id ?? replyTo.message.message_id) : undefined);
    return thread === undefined ? reply : { message_thread_id: thread, ...reply };
  }
  if (threadId !== undefined) throw badRequest('message thread not found');
  return reply;
}
