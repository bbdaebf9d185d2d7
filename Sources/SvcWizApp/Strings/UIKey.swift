/// The keys of the screens' words. The tables are in `UIKey+English.swift` and
/// `UIKey+Chinese.swift`.
package enum UIKey: String, Sendable, Hashable, CaseIterable {
    // Title line and shell
    case appName, backendWorkspace, backendCluster, namespaceLabel, allNamespaces, servicesCount, serviceCount
    case tooSmall, tooSmallHint, recentMessages, noMessages, commandPrompt, unknownCommand, readOnlyBadge
    case helpTitle, helpGlobal, helpClose, loading, retrying, lastUpdated
    case kubeVersionTitle, kubeVersionTitleUnknown, serverAcceptsWhatSvcwizRefuses
    case fieldTrafficDistribution, fieldInternalTrafficPolicy, fieldIPFamilyPolicy, fieldIPFamilies, fieldPublishNotReady
    case fieldLoadBalancerClass, fieldAllocateNodePorts, optionDefault, optionTrue, optionFalse
    // List
    case listTitle, filterPrompt, filterMatches, noServices, noMatches, marked
    case namespaceChooserTitle, sortedBy
    case loadingProgress, sortWaitsForAll, filterMatchesSoFar
    case deleteTitle, deleteOne, deleteMany, deleteHidden, deleteConfirmHint, deleted, deleteFailed
    case exportPrompt, exported
    // Detail
    case detailTitle, sectionAttributes, sectionAccess, sectionPorts, sectionBackends, sectionLabels, sectionAnnotations, sectionEvents
    case attrNamespace, attrType, attrClusterIP, attrExternalIPs, attrSessionAffinity, attrSelector, attrAlias, attrDescription
    case attrCreator, attrCreated, attrExternalName
    case accessInCluster, accessVirtualIP, accessNodePort, accessLoadBalancer, accessExternalName, accessHeadless
    case assignedByCluster, pending, nodeIP, none, noSelector, noSelectorWarning, noBackends, workloadPods, daemonPods
    case portName, portProtocol, portPort, portTarget, portNodePort, portAppProtocol
    case endpointReady, endpointNotReady, noLabels, noAnnotations, noEvents
    case affinityNone, affinityClientIP
    case originFromNode, originFromOutside, viaDNS, viaExternalIP, viaPod, accessMore, noReadyEndpoints
    case nodesFromCluster, nodesNotAllowed, nodesFailed, nodesLoading, noNodes
    case endpointServing, endpointTerminating, manualEndpoint, podsReady, noPods, podNoIP
    case actCopy, copied, copyByHand, nothingToCopy
    // Actions (footer and help)
    case actOpen, actBack, actQuit, actFilter, actSort, actReverse, actNamespace, actRefresh, actMark, actDelete
    case actExport, actHelp, actMessages, actCommand, actRedraw, actSuspend, actMove, actPage, actTopBottom, actScroll
    case actDismiss, actConfirm, actCancel, actComplete, actReload, actResume, actStartFresh
    // Editor, import and export
    case actToJSON, actToYAML, actImport, actEditText, actEditor, actForm, actFind, actUndo, actRedo, actExternalEditor, editMode, editorPosition, editorCommentsLost, editorInvalid, editorParseError, editorNotOne, editorNotService, editorTabRefused, editorNothingToUndo, editorNothingToRedo, editorSearchWrapped, editorNotFound, externalEditorFailed, importPrompt, importNoService, importChooseTitle, imported, exportTitle, exportOverwrite
    case contextSwitched, contextNeedsCluster
    case columnNamespace, columnName, columnType, columnClusterIP, columnExternal, columnPorts, columnBackends, columnBackendsShort, columnSelector, columnAge
    case kindDeployment, kindStatefulSet, kindDaemonSet
    case workloadPod, problemsFound, terminalUnknown
    // Wizard
    case actNamespaceShort
    case portAppProtocolShort, placeholderKey, placeholderValue, placeholderPortName, placeholderTarget, placeholderAuto
    case kindVirtualIP, kindHeadlessSelector, kindHeadlessExternalName, providerQingCloud, providerOpenELB, providerCustom
    case nameTaken, nodePortUsed, selectorReplaced, selectorSet, fieldName, hintName
    case fieldAlias, fieldDescription, fieldNamespace, fieldType, typeLocked, fieldExternalName
    case hintExternalName, fieldTimeout, fieldAffinity, fieldLabels, hintAddRow, sectionAdvanced
    case fieldAnnotations, accessHeadlessOnly, fieldAccess, hintAccessNone, fieldNodePorts, hintNodePort
    case fieldProvider, fieldTrafficPolicy, fieldSourceRanges, fieldSelector, hintPickWorkload, matchesNone
    case matches, fieldPorts, hintTargetPorts, wizardCreateTitle, wizardEditTitle, wizardReview
    case stepBasicInfo, stepServiceSettings, stepLabels, stepExternalAccess, reviewReady, reviewHasErrors
    case stepHasErrors, actCreate, actSave, actNext, actPrevious, actField
    case actAddRow, actRemoveRow, actLeaveKeep, actPickWorkload, actEdit, leaveTitle
    case leaveQuestion, leaveEditQuestion, yesNo, resumeTitle, resumeQuestion, resumeChoices
    case unnamed, pickerTitle, pickerEmpty, pickerHint, editChooserTitle, editYAML
    // The workload picker's marks and what the shared labels select
    case actApply, listSeparator, pickerShares, pickerSharesNothing, pickerNothingShared, pickerAlsoSelects
    case pickerApplyAnyway, selectorSetShared, selectorReplacedShared, pickerLoadFailed
    case diffTitle, diffNone, diffHint, diffRewritten, conflictTitle, conflictMessage, conflictHint
    case created, saved, workingCreate, workingSave
    // Deletes refused because the service changed; the connection to a cluster
    case deleteRefused, deleteRefusedTitle, deleteRefusedHint, deleteChangedHeading, deleteChangedHidden
    case reconnected, workspaceReadable
    // The editor pane while it reads its text
    case editorChecking
}
