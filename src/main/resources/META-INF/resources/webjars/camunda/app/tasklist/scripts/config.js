// YibaoFlow configuration of Camunda Tasklist (7.24), see docs/operations.md "Camunda webapps in Chinese".
// Replaces the webjar's app/tasklist/scripts/config.js (the application's classpath comes first).
//
// Simplified Chinese (locales/zh-CN.json) is the default whatever the browser's language. The webapps pick a
// locale from the browser's first language only when it is listed in availableLocales, so English is listed
// only after a user chose it: open any webapp once with ?lang=en (back to Chinese with ?lang=zh-CN); the
// choice is kept in the browser (localStorage, shared by Tasklist, Cockpit and Admin).
const chosenLocale = (() => {
  try {
    const requested = new URLSearchParams(window.location.search).get('lang');
    if (requested === 'en' || requested === 'zh-CN') {
      window.localStorage.setItem('yibaoflow.locale', requested);
    }
    return window.localStorage.getItem('yibaoflow.locale');
  } catch (e) {
    return null;
  }
})();

const locales =
  chosenLocale === 'en'
    ? {availableLocales: ['en', 'zh-CN'], fallbackLocale: 'en'}
    : {availableLocales: ['zh-CN'], fallbackLocale: 'zh-CN'};

export default {
  app: {
    name: '任务列表',
    vendor: '居民医保'
  },
  locales,
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'lll',
    normal: 'LLL',
    long: 'LLLL',
    short: 'LL'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到筛选器列表的第一项'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到任务列表的第一项'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“发起流程”对话框'
    }
  }
};
