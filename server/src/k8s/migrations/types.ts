/** The contract of an apiVersion migration: minimal text edits, or nothing when the shape is unusual. */
import type { TextEdit } from '../../core/finding';
import type { YamlFixer } from '../../yaml/fixer';
import type { K8sObject } from '../objects';

/**
 * Edits (offsets into the object's document chunk) that turn `object` into the same object
 * written for apiVersion `to`; undefined when a part of it cannot be converted with confidence.
 * Callers still validate the result against the target schema before offering it.
 */
export type Migration = (object: K8sObject, fixer: YamlFixer, to: string) => TextEdit[] | undefined;

/** Plain JSON-like data, as `doc.toJS()` returns it. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
