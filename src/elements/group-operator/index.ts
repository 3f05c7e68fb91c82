export * from './group-operator.js';
import './define.js';
